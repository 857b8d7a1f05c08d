import { sql, type SQL } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { TenantTransaction } from '../db/database';
import type { Logger } from '../logging/create-logger';
import { jobSchema, type JobQueueName } from './job-queues';

export type JobClient = PgBoss;

/**
 * The job queue as the application role sees it: it sends and works jobs but never changes the
 * schema (the owner installs it while migrating). `supervise` runs expiry (crash recovery) and
 * clean-up; every process that works jobs supervises, coordinated by pg-boss's own locks.
 */
export async function startJobClient(
  pool: pg.Pool,
  logger: Logger,
  options: { supervise: boolean },
): Promise<JobClient> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: jobSchema,
    migrate: false,
    supervise: options.supervise,
    schedule: false,
    // How often expired jobs (a worker that died mid-job) are found and put back for retry.
    maintenanceIntervalSeconds: 30,
  });
  boss.on('error', (error: Error) =>
    logger.warn({ err: { type: error.name, message: error.message } }, 'job queue error'),
  );
  await boss.start();
  return boss;
}

/**
 * Enqueues inside the caller's transaction: the job exists if and only if the change that needs
 * it commits. `singletonKey` makes a second enqueue of the same work a no-op while one is pending.
 */
export async function enqueueJob(
  jobs: JobClient,
  tx: TenantTransaction,
  queue: JobQueueName,
  payload: object,
  options: { singletonKey?: string; startAfterSeconds?: number } = {},
): Promise<void> {
  await jobs.send(queue, payload, {
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
    db: {
      executeSql: async (text, values) => ({ rows: (await tx.execute(positionalSql(text, values))).rows }),
    },
  });
}

/** pg-boss writes `$1`-style SQL; drizzle's transaction takes a template, so the two are stitched together. */
function positionalSql(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, index) => {
    // drizzle drops `undefined` parameters entirely; SQL needs them as NULL.
    chunks.push(index % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1] ?? null}`);
  });
  return sql.join(chunks, sql.raw(''));
}
