import { createAccessTokens, type AccessTokens } from '@healthcare/core/auth/access-tokens';
import type { SessionSettings } from '@healthcare/core/auth/issue-session';
import type { LoginThrottle } from '@healthcare/core/auth/log-in';
import { loadSigningKey } from '@healthcare/core/auth/signing-key';
import type { Config } from '@healthcare/core/config/config';
import { connectDatabase, type Database } from '@healthcare/core/db/database';
import type { Logger } from '@healthcare/core/logging/create-logger';
import { createMemoryRateLimiter } from '@healthcare/core/rate-limit/memory-rate-limiter';
import { createRedisRateLimiter } from '@healthcare/core/rate-limit/redis-rate-limiter';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { createObjectStorage } from '@healthcare/core/storage/create-object-storage';
import type { ObjectStorage } from '@healthcare/core/storage/object-storage';
import { deriveSecret } from '@healthcare/core/auth/derive-secret';
import { startJobClient, stopJobClient, type JobClient } from '@healthcare/core/jobs/job-client';
import { startJobWorker } from '@healthcare/core/jobs/start-job-worker';
import { configuredSpeechToText } from '@healthcare/core/transcripts/configured-speech-to-text';

/** Everything a request needs, built once at startup and passed down explicitly. */
export interface AppContext {
  config: Config;
  logger: Logger;
  db: Database;
  pool: pg.Pool;
  redis: Redis | undefined;
  storage: ObjectStorage;
  jobs: JobClient;
  /** Signs the local storage's download links (derived from the token signing key). */
  downloadSigningSecret: string;
  accessTokens: AccessTokens;
  sessionSettings: SessionSettings & { throttle: LoginThrottle };
  close(): Promise<void>;
}

/** `databaseUrl` is the application role's login (the embedded database only knows it after starting). */
export async function createAppContext(
  config: Config,
  logger: Logger,
  databaseUrl: string,
): Promise<AppContext> {
  const database = connectDatabase(databaseUrl, { poolMax: config.database.poolMax });
  const redis = config.redis ? await connectRedis(config.redis.url, logger) : undefined;
  const signingKey = await loadSigningKey(config, logger);
  const accessTokens = createAccessTokens({ ...signingKey, ttlSeconds: config.auth.accessTokenTtlSeconds });
  const downloadSigningSecret = deriveSecret(signingKey.privateKeyPem, 'storage-download-urls');
  const storage = createObjectStorage(config.storage, { signingSecret: downloadSigningSecret });
  const jobs = await startJobClient(database.pool, logger, {
    supervise: config.worker.inProcess,
    maintenanceIntervalSeconds: config.worker.maintenanceIntervalSeconds,
  });
  const stopWorker = config.worker.inProcess
    ? await startJobWorker(
        jobs,
        { db: database.db, storage, jobs, stt: configuredSpeechToText(config, logger), logger },
        logger,
      )
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
    downloadSigningSecret,
    accessTokens,
    sessionSettings: {
      accessTokens,
      refreshTokenTtlSeconds: config.auth.refreshTokenTtlSeconds,
      throttle: { limiter, ...config.auth.login },
    },
    async close() {
      await stopWorker?.();
      await stopJobClient(jobs, { graceful: true, timeoutMs: 10_000 });
      redis?.disconnect();
      await database.close();
    },
  };
}

/** Waits briefly for the first connection, but starts without Redis rather than not at all. */
async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  const redis = new Redis(url, {
    // Redis is a cache: a command fails at once when it is down instead of queueing behind a reconnect.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 500, 5_000),
  });
  let lastWarning = 0;
  redis.on('error', (error: Error) => {
    if (Date.now() - lastWarning < 30_000) return;
    lastWarning = Date.now();
    logger.warn(
      { err: { type: error.name, message: error.message } },
      'Redis unavailable; continuing without it',
    );
  });
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, 2_000);
    redis.once('ready', done);
  });
  return redis;
}
