import { loadConfigOrExit } from '@healthcare/core/config/load-config';
import { connectRedis } from '@healthcare/core/cache/connect-redis';
import { connectDatabase } from '@healthcare/core/db/database';
import { createEventBus } from '@healthcare/core/events/create-event-bus';
import { createWorkerDependencies } from '@healthcare/core/jobs/create-worker-dependencies';
import { startJobClient, stopJobClient } from '@healthcare/core/jobs/job-client';
import { startJobWorker } from '@healthcare/core/jobs/start-job-worker';
import { createAppLogger } from '@healthcare/core/logging/create-app-logger';
import { observeLogShipping } from '@healthcare/core/metrics/observe-log-shipping';
import { createAppMetrics } from '@healthcare/core/metrics/app-metrics';
import { observeDatabasePool } from '@healthcare/core/metrics/observe-database-pool';
import { observeJobQueues } from '@healthcare/core/metrics/observe-job-queues';
import { startMetricsServer } from '@healthcare/core/metrics/start-metrics-server';
import { startTracing } from '@healthcare/core/tracing/start-tracing';

// The cluster's worker: the same job code the embedded app runs in-process, in its own replicas.
const config = loadConfigOrExit();
const { logger, shipping } = createAppLogger(config, { name: 'worker' });
if (config.database.mode !== 'external') {
  logger.fatal('apps/worker needs DATABASE_URL; in the embedded mode `npm start` runs the jobs itself.');
  process.exit(1);
}
const database = connectDatabase(config.database.url, { poolMax: config.database.poolMax });
const metrics = createAppMetrics('worker');
const tracing = startTracing(config.tracing, 'worker');
observeDatabasePool(database.pool, metrics, config.database.poolMax);
observeJobQueues(database.pool, metrics);
if (shipping) observeLogShipping(shipping, metrics);
const metricsServer = config.metrics ? await startMetricsServer(metrics.registry, config.metrics) : undefined;
const jobs = await startJobClient(database.pool, logger, {
  supervise: true,
  maintenanceIntervalSeconds: config.worker.maintenanceIntervalSeconds,
});
// Redis only relays "something happened" to the web replicas' live streams; jobs never depend on it.
const redis = config.redis ? await connectRedis(config.redis.url, logger) : undefined;
const events = createEventBus(redis, logger);
const stopWorker = await startJobWorker(
  jobs,
  database.pool,
  await createWorkerDependencies(config, logger, { db: database.db, jobs, events, metrics, tracing }),
  logger,
);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker shutting down; finishing the jobs in hand');
  await stopWorker();
  await stopJobClient(jobs, { graceful: true, timeoutMs: 30_000 });
  await tracing?.close();
  await events.close();
  redis?.disconnect();
  await database.close();
  metricsServer?.close();
  await shipping?.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
