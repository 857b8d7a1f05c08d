import { createAccessTokens, type AccessTokens } from '@healthcare/core/auth/access-tokens';
import type { SessionSettings } from '@healthcare/core/auth/issue-session';
import type { LoginThrottle } from '@healthcare/core/auth/log-in';
import { loadSigningKey } from '@healthcare/core/auth/signing-key';
import type { Config } from '@healthcare/core/config/config';
import { connectDatabase, type Database } from '@healthcare/core/db/database';
import type { Logger } from '@healthcare/core/logging/create-logger';
import { createMemoryRateLimiter } from '@healthcare/core/rate-limit/memory-rate-limiter';
import type { RateLimiter } from '@healthcare/core/rate-limit/rate-limiter';
import { createRedisRateLimiter } from '@healthcare/core/rate-limit/redis-rate-limiter';
import type { Redis } from 'ioredis';
import { connectRedis } from '@healthcare/core/cache/connect-redis';
import { createEventBus } from '@healthcare/core/events/create-event-bus';
import type { EventBus } from '@healthcare/core/events/event-bus';
import { createWorkerDependencies } from '@healthcare/core/jobs/create-worker-dependencies';
import type pg from 'pg';
import { createObjectStorage } from '@healthcare/core/storage/create-object-storage';
import type { ObjectStorage } from '@healthcare/core/storage/object-storage';
import { deriveSecret } from '@healthcare/core/auth/derive-secret';
import { startJobClient, stopJobClient, type JobClient } from '@healthcare/core/jobs/job-client';
import { startJobWorker } from '@healthcare/core/jobs/start-job-worker';
import { createAppMetrics, type AppMetrics } from '@healthcare/core/metrics/app-metrics';
import { observeDatabasePool } from '@healthcare/core/metrics/observe-database-pool';
import { observeJobQueues } from '@healthcare/core/metrics/observe-job-queues';
import { startMetricsServer } from '@healthcare/core/metrics/start-metrics-server';
import type { Server } from 'node:http';
import type { LogShipping } from '@healthcare/core/logging/start-log-shipping';
import { observeLogShipping } from '@healthcare/core/metrics/observe-log-shipping';
import { startTracing, type Tracing } from '@healthcare/core/tracing/start-tracing';

/** Everything a request needs, built once at startup and passed down explicitly. */
export interface AppContext {
  config: Config;
  logger: Logger;
  db: Database;
  pool: pg.Pool;
  redis: Redis | undefined;
  storage: ObjectStorage;
  jobs: JobClient;
  /** Wakes live event streams; across replicas through Redis when configured. */
  events: EventBus;
  /** Signs the local storage's download links (derived from the token signing key). */
  downloadSigningSecret: string;
  /** Keys the pseudonyms that replace an erased patient's id in the audit trail. */
  auditPseudonymSecret: string;
  accessTokens: AccessTokens;
  metrics: AppMetrics;
  /** Listening when METRICS_PORT is set. */
  metricsServer: Server | undefined;
  /** Present when OTEL_TRACES_ENABLED: request, job and provider spans exported over OTLP. */
  tracing: Tracing | undefined;
  sessionSettings: SessionSettings & { throttle: LoginThrottle };
  /** Request budgets and login lockouts: shared through Redis in the cluster, in-process otherwise. */
  limiter: RateLimiter;
  close(): Promise<void>;
}

/** `databaseUrl` is the application role's login (the embedded database only knows it after starting). */
export async function createAppContext(
  config: Config,
  logger: Logger,
  databaseUrl: string,
  options: { metrics?: AppMetrics; logShipping?: LogShipping | undefined } = {},
): Promise<AppContext> {
  const database = connectDatabase(databaseUrl, { poolMax: config.database.poolMax });
  const metrics = options.metrics ?? createAppMetrics('web');
  const tracing = startTracing(config.tracing, 'web');
  observeDatabasePool(database.pool, metrics, config.database.poolMax);
  observeJobQueues(database.pool, metrics);
  if (options.logShipping) observeLogShipping(options.logShipping, metrics);
  const redis = config.redis ? await connectRedis(config.redis.url, logger) : undefined;
  const signingKey = await loadSigningKey(config, logger);
  const accessTokens = createAccessTokens({
    ...signingKey,
    ttlSeconds: config.auth.accessTokenTtlSeconds,
    previousPublicKeys: config.auth.previousPublicKeys,
  });
  const downloadSigningSecret = deriveSecret(signingKey.privateKeyPem, 'storage-download-urls');
  const storage = createObjectStorage(config.storage, { signingSecret: downloadSigningSecret });
  const jobs = await startJobClient(database.pool, logger, {
    supervise: config.worker.inProcess,
    maintenanceIntervalSeconds: config.worker.maintenanceIntervalSeconds,
  });
  const events = createEventBus(redis, logger);
  const stopWorker = config.worker.inProcess
    ? await startJobWorker(
        jobs,
        database.pool,
        await createWorkerDependencies(config, logger, { db: database.db, jobs, events, metrics, tracing }),
        logger,
      )
    : undefined;
  const metricsServer = config.metrics
    ? await startMetricsServer(metrics.registry, config.metrics)
    : undefined;
  const limiter = redis ? createRedisRateLimiter(redis, logger) : createMemoryRateLimiter();

  return {
    config,
    logger,
    db: database.db,
    pool: database.pool,
    redis,
    storage,
    jobs,
    events,
    downloadSigningSecret,
    auditPseudonymSecret: deriveSecret(signingKey.privateKeyPem, 'audit-patient-pseudonyms'),
    accessTokens,
    metrics,
    metricsServer,
    limiter,
    tracing,
    sessionSettings: {
      accessTokens,
      refreshTokenTtlSeconds: config.auth.refreshTokenTtlSeconds,
      throttle: { limiter, ...config.auth.login },
    },
    async close() {
      metricsServer?.closeAllConnections();
      await new Promise((resolve) => (metricsServer ? metricsServer.close(resolve) : resolve(undefined)));
      await stopWorker?.();
      await stopJobClient(jobs, { graceful: true, timeoutMs: 10_000 });
      await tracing?.close();
      await events.close();
      redis?.disconnect();
      await database.close();
      // Last, so the shutdown's own lines are shipped too.
      await options.logShipping?.close();
    },
  };
}
