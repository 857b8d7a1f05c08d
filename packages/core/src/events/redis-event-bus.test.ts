import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logging/create-logger';
import { createMemoryEventBus } from './event-bus';
import { createRedisEventBus } from './redis-event-bus';

const logger = createLogger({ level: 'silent', name: 'test' });
const connections: Redis[] = [];
const connect = (url = 'redis://127.0.0.1:6379') => {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
  redis.on('error', () => undefined);
  connections.push(redis);
  return redis;
};
afterAll(() => connections.forEach((redis) => redis.disconnect()));

describe('event fan-out', () => {
  it('should wake streams in another process through Redis, and only those of that encounter', async () => {
    // Two buses on separate connections stand for a worker and a web replica.
    const worker = createRedisEventBus(connect(), logger);
    const replica = createRedisEventBus(connect(), logger);
    const encounter = randomUUID();
    const woken = vi.fn();
    const other = vi.fn();
    replica.subscribe(encounter, woken);
    replica.subscribe(randomUUID(), other);
    // The subscription is asynchronous; publish until it is in place.
    await vi.waitFor(
      async () => {
        await worker.publish(encounter);
        expect(woken).toHaveBeenCalled();
      },
      { timeout: 5_000, interval: 100 },
    );
    expect(other).not.toHaveBeenCalled();
    await worker.close();
    await replica.close();
  });

  it('should stop waking a stream once it unsubscribes', async () => {
    const bus = createMemoryEventBus();
    const listener = vi.fn();
    const unsubscribe = bus.subscribe('e1', listener);
    await bus.publish('e1');
    unsubscribe();
    await bus.publish('e1');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('should keep working in-process when Redis is down', async () => {
    // Nothing listens on this port: every Redis command fails at once.
    const bus = createRedisEventBus(connect('redis://127.0.0.1:1'), logger);
    const listener = vi.fn();
    bus.subscribe('e2', listener);
    await expect(bus.publish('e2')).resolves.toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(1);
    await bus.close();
  });
});
