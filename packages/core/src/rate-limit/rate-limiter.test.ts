import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/create-logger';
import { createMemoryRateLimiter } from './memory-rate-limiter';
import type { RateLimiter } from './rate-limiter';
import { createRedisRateLimiter } from './redis-rate-limiter';

const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
afterAll(() => redis.disconnect());

let clock = 1_000_000;
const drivers: [string, () => { limiter: RateLimiter; advance(ms: number): Promise<void> }][] = [
  [
    'in-process',
    () => ({
      limiter: createMemoryRateLimiter(() => clock),
      advance: async (ms) => {
        clock += ms;
      },
    }),
  ],
  [
    'Redis',
    () => ({
      limiter: createRedisRateLimiter(redis, createLogger({ level: 'silent' })),
      // Real Redis expiry: the window is waited out rather than faked.
      advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    }),
  ],
];

describe.each(drivers)('%s rate limiter', (_, create) => {
  it('should count hits within a window and report when it resets', async () => {
    const { limiter } = create();
    const key = randomUUID();
    expect(await limiter.peek(key)).toEqual({ count: 0, resetInSeconds: 0 });
    await limiter.hit(key, 60);
    const second = await limiter.hit(key, 60);
    expect(second.count).toBe(2);
    expect(second.resetInSeconds).toBeGreaterThan(55);
    expect(second.resetInSeconds).toBeLessThanOrEqual(60);
    expect((await limiter.peek(key)).count).toBe(2);
  });

  it('should forget a key when it is reset', async () => {
    const { limiter } = create();
    const key = randomUUID();
    await limiter.hit(key, 60);
    await limiter.reset(key);
    expect((await limiter.peek(key)).count).toBe(0);
  });

  it('should start a new window once the old one has passed', async () => {
    const { limiter, advance } = create();
    const key = randomUUID();
    await limiter.hit(key, 1);
    await limiter.hit(key, 1);
    await advance(1_100);
    expect((await limiter.peek(key)).count).toBe(0);
    expect((await limiter.hit(key, 1)).count).toBe(1);
  });
});

describe('Redis rate limiter when Redis is down', () => {
  it('should allow rather than fail, because Redis is only a cache', async () => {
    const offline = new Redis('redis://127.0.0.1:1', {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
    });
    offline.on('error', () => undefined);
    const limiter = createRedisRateLimiter(offline, createLogger({ level: 'silent' }));
    expect(await limiter.hit('k', 60)).toEqual({ count: 0, resetInSeconds: 0 });
    expect(await limiter.peek('k')).toEqual({ count: 0, resetInSeconds: 0 });
    await expect(limiter.reset('k')).resolves.toBeUndefined();
    offline.disconnect();
  });
});

describe('Redis rate limiter script', () => {
  it('should send its script once per connection, then only its SHA1, and again once Redis has lost it', async () => {
    const own = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
    try {
      const limiter = createRedisRateLimiter(own, createLogger({ level: 'silent' }));
      const key = randomUUID();
      const id = String(await own.client('ID'));
      // Asked on another connection, so the question is not the answer.
      const lastCommand = async () => /\bcmd=(\S+)/.exec(String(await redis.client('LIST', 'ID', id)))?.[1];
      expect((await limiter.hit(key, 60)).count).toBe(1);
      expect(await lastCommand()).toBe('eval');
      expect((await limiter.hit(key, 60)).count).toBe(2);
      expect(await lastCommand()).toBe('evalsha');
      // What a restarted Redis looks like: its script cache is empty.
      await own.script('FLUSH');
      expect((await limiter.hit(key, 60)).count).toBe(3);
      expect(await lastCommand()).toBe('eval');
      expect((await limiter.hit(key, 60)).count).toBe(4);
      expect(await lastCommand()).toBe('evalsha');
    } finally {
      own.disconnect();
    }
  });
});
