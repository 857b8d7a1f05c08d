import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { TenantTransaction } from '../db/database';
import type { Logger } from '../logging/create-logger';

/**
 * pg-boss finds new jobs by polling, so a job sent to an idle worker waited up to a polling
 * interval (bench/queue: p50 500 ms against 5 ms for SKIP LOCKED + NOTIFY). A NOTIFY sent in the
 * enqueueing transaction reaches every listening worker process the moment that transaction
 * commits, and never when it rolls back. Polling stays as the safety net: a worker whose listening
 * connection is down (database restart) only loses the head start.
 */
export const jobWakeUpChannel = 'healthcare_jobs';

/** Queued in the caller's transaction: PostgreSQL delivers it at commit, after the job row is visible. */
export async function notifyJobEnqueued(tx: TenantTransaction, queue: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${jobWakeUpChannel}, ${queue})`);
}

/**
 * Calls `onQueue(queue)` for every job enqueued anywhere on this database, over a connection of
 * its own (LISTEN holds it), reconnecting with backoff when it drops. Resolves once listening,
 * or once the first attempt failed (the database may be down while the worker starts).
 */
export async function listenForJobWakeUps(
  connection: pg.ClientConfig,
  logger: Logger,
  onQueue: (queue: string) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (attempt: number): Promise<void> => {
    const candidate = new pg.Client({ ...connection, application_name: 'healthcare-job-wake-ups' });
    // A dropped connection emits `error` and then `end`; `end` is what schedules the reconnect.
    candidate.on('error', () => undefined);
    candidate.on('notification', (message) => {
      if (message.channel === jobWakeUpChannel && message.payload) onQueue(message.payload);
    });
    candidate.on('end', () => {
      if (client === candidate) client = undefined;
      if (!stopped) retryLater(1);
    });
    try {
      await candidate.connect();
      await candidate.query(`listen ${jobWakeUpChannel}`);
      if (stopped) return void (await candidate.end().catch(() => undefined));
      client = candidate;
      if (attempt > 0) logger.info('job wake-ups: listening again');
    } catch {
      // `end` follows a failed connect only sometimes: detach it and schedule the retry here.
      candidate.removeAllListeners('end');
      await candidate.end().catch(() => undefined);
      if (attempt === 0) logger.warn('job wake-ups: cannot listen yet; workers poll until they can');
      retryLater(attempt + 1);
    }
  };

  const retryLater = (attempt: number) => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(
      () => {
        retryTimer = undefined;
        void connect(attempt);
      },
      Math.min(30_000, 500 * 2 ** attempt),
    ).unref();
  };

  await connect(0);
  return async () => {
    stopped = true;
    clearTimeout(retryTimer);
    const open = client;
    client = undefined;
    await open?.end().catch(() => undefined);
  };
}
