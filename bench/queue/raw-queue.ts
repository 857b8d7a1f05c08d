import pg from 'pg';

/**
 * The least a PostgreSQL job queue does, as the baseline: a job is one INSERT (and a NOTIFY in
 * the same statement's transaction); a worker claims the oldest waiting job with
 * `FOR UPDATE SKIP LOCKED`, marks it done when its handler returns, and goes straight on while
 * there is work; idle, it sleeps until a NOTIFY or `pollSec` passes.
 */
export async function startRawQueue(
  url: string,
  options: { workers: number; pollSec: number; poolMax: number },
) {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query(`
    create table if not exists bench_raw_job (
      id bigserial primary key,
      data jsonb not null,
      state text not null default 'created',
      created_on timestamptz not null default now()
    );
    create index if not exists bench_raw_job_waiting on bench_raw_job (id) where state = 'created';`);
  await setup.end();
  const pool = new pg.Pool({ connectionString: url, max: options.poolMax });

  return {
    async send(data: object) {
      await pool.query(
        `with job as (insert into bench_raw_job (data) values ($1) returning id)
         select pg_notify('bench_raw_job', id::text) from job`,
        [data],
      );
    },
    /** Starts the workers; resolves to a function that stops them. */
    async work(handler: (data: object) => Promise<void>): Promise<() => Promise<void>> {
      const listeners: pg.Client[] = [];
      let stopping = false;
      for (let index = 0; index < options.workers; index += 1) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query('listen bench_raw_job');
        listeners.push(client);
        let wake: (() => void) | undefined;
        // A job sent between the empty claim and the wait must not sleep until the next poll.
        let notified = false;
        client.on('notification', () => {
          notified = true;
          wake?.();
        });
        void (async () => {
          while (!stopping) {
            notified = false;
            const { rows } = await client.query(
              `update bench_raw_job set state = 'active'
               where id = (select id from bench_raw_job where state = 'created' order by id for update skip locked limit 1)
               returning id, data`,
            );
            const job = rows[0] as { id: string; data: object } | undefined;
            if (job) {
              await handler(job.data);
              await client.query(`update bench_raw_job set state = 'completed' where id = $1`, [job.id]);
              continue;
            }
            if (notified) continue;
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, options.pollSec * 1000);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            wake = undefined;
          }
        })().catch((error: unknown) => {
          if (!stopping) throw error;
        });
      }
      return async () => {
        stopping = true;
        await Promise.all(listeners.map((client) => client.end()));
      };
    },
    close: () => pool.end(),
  };
}
