import { sql, type SQL } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { TenantTransaction } from '../db/database';
import type { Logger } from '../logging/create-logger';
import { currentTraceparent } from '../tracing/trace-context';
import { jobSchema, type JobQueueName } from './job-queues';
import { notifyJobEnqueued } from './job-wake-ups';

export type JobClient = PgBoss;

/**
 * The job queue as the application role sees it: it sends and works jobs but never changes the
 * schema (the owner installs it while migrating). `supervise` runs expiry (crash recovery) and
 * clean-up; every process that works jobs supervises, coordinated by pg-boss's own locks.
 */
export async function startJobClient(
  pool: pg.Pool,
  logger: Logger,
  options: { supervise: boolean; maintenanceIntervalSeconds?: number },
): Promise<JobClient> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: jobSchema,
    migrate: false,
    supervise: options.supervise,
    // Processes that work jobs also fire the scheduled ones (the audio retention sweep).
    schedule: options.supervise,
    // How often expired jobs (a worker that died mid-job) are found and put back for retry.
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  boss.on('error', (error: Error) =>
    logger.warn({ err: { type: error.name, message: error.message } }, 'job queue error'),
  );
  try {
    await boss.start();
  } catch (error) {
    // The database may be down while this process starts: it still starts (readiness says
    // "unavailable"), and the queue keeps trying in the background.
    if (!isDatabaseUnreachable(error)) throw error;
    logger.warn('job queue: database unreachable at start; retrying in the background');
    void keepStarting(boss, logger);
  }
  return boss;
}

const stoppedClients = new WeakSet<JobClient>();

/** Stops the queue, including a background start that has not succeeded yet. */
export async function stopJobClient(
  jobs: JobClient,
  options: { graceful: boolean; timeoutMs: number },
): Promise<void> {
  stoppedClients.add(jobs);
  await jobs
    .stop({ graceful: options.graceful, wait: true, timeout: options.timeoutMs })
    .catch(() => undefined);
}

async function keepStarting(boss: JobClient, logger: Logger) {
  for (let attempt = 0; !stoppedClients.has(boss); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1_000 * 2 ** attempt)).unref());
    if (stoppedClients.has(boss)) return;
    try {
      await boss.start();
      logger.info('job queue started');
      return;
    } catch (error) {
      if (!isDatabaseUnreachable(error))
        logger.error({ err: { type: (error as Error).name } }, 'job queue cannot start');
    }
  }
}

function isDatabaseUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return (
    typeof code === 'string' &&
    (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', '57P03'].includes(code) ||
      code.startsWith('08'))
  );
}

/**
 * Enqueues inside the caller's transaction: the job exists if and only if the change that needs
 * it commits. `singletonKey` makes a second enqueue of the same work a no-op while one is pending.
 * With tracing on, the running span's W3C `traceparent` rides in the payload beside the request
 * id, so the job's run joins the trace of the request (or job) that enqueued it.
 */
export async function enqueueJob(
  jobs: JobClient,
  tx: TenantTransaction,
  queue: JobQueueName,
  payload: object,
  options: { singletonKey?: string; startAfterSeconds?: number } = {},
): Promise<void> {
  const traceparent = currentTraceparent();
  await jobs.send(queue, traceparent ? { ...payload, traceparent } : payload, {
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
    db: {
      executeSql: async (text, values) => ({ rows: (await tx.execute(positionalSql(text, values))).rows }),
    },
  });
  // A delayed job has nothing for a worker to start now; polling picks it up when it is due.
  if (!options.startAfterSeconds) await notifyJobEnqueued(tx, queue);
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
