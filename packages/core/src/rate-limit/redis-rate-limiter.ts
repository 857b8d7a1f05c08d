import type { Redis } from 'ioredis';
import type { Logger } from '../logging/create-logger';
import type { RateLimiter, WindowCount } from './rate-limiter';

const keyPrefix = 'healthcare:rl:';

// INCR and the first PEXPIRE in one round trip, atomically, so a crash between them cannot leave a key without expiry.
const hitScript = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}
`;

// Registered with ioredis, which sends the script once per connection and its SHA1 (EVALSHA) after
// that, sending it again if Redis answers NOSCRIPT (a restarted Redis has lost its script cache).
const hitCommand = 'healthcareRateLimitHit';
type HitCommand = (key: string, windowMs: number) => Promise<[count: number, ttlMs: number]>;

export function createRedisRateLimiter(redis: Redis, logger: Logger): RateLimiter {
  if (!(hitCommand in redis)) redis.defineCommand(hitCommand, { numberOfKeys: 1, lua: hitScript });
  const hitOnce = (redis as unknown as Record<typeof hitCommand, HitCommand>)[hitCommand].bind(redis);
  const failOpen = (error: unknown): WindowCount => {
    logger.warn({ err: error }, 'Rate limiter unavailable (Redis); allowing the request');
    return { count: 0, resetInSeconds: 0 };
  };
  const toCount = (count: number, ttlMs: number): WindowCount => ({
    count,
    resetInSeconds: ttlMs > 0 ? Math.ceil(ttlMs / 1000) : 0,
  });

  return {
    async peek(key) {
      try {
        const [count, ttl] = await redis
          .multi()
          .get(keyPrefix + key)
          .pttl(keyPrefix + key)
          .exec()
          .then(unwrap);
        return toCount(Number(count ?? 0), Number(ttl));
      } catch (error) {
        return failOpen(error);
      }
    },
    async hit(key, windowSeconds) {
      try {
        const [count, ttl] = await hitOnce(keyPrefix + key, windowSeconds * 1000);
        return toCount(count, ttl);
      } catch (error) {
        return failOpen(error);
      }
    },
    async reset(key) {
      await redis.del(keyPrefix + key).catch((error: unknown) => failOpen(error));
    },
  };
}

function unwrap(results: [Error | null, unknown][] | null): unknown[] {
  if (!results) throw new Error('Redis transaction aborted');
  return results.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}
