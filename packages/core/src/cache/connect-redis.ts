import { Redis } from 'ioredis';
import type { Logger } from '../logging/create-logger';

/** Waits briefly for the first connection, but starts without Redis rather than not at all. */
export async function connectRedis(url: string, logger: Logger): Promise<Redis> {
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
