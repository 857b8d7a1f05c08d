import type { Redis } from 'ioredis';
import type { Logger } from '../logging/create-logger';
import { createMemoryEventBus, type EventBus } from './event-bus';

const channel = 'healthcare:encounter-events';

/**
 * Fans notifications out across replicas and the worker: every process publishes to one Redis
 * channel and relays what it hears to its own streams. Redis being down costs only latency
 * (streams also poll), never an event.
 */
export function createRedisEventBus(redis: Redis, logger: Logger): EventBus {
  const local = createMemoryEventBus();
  // A subscribed connection can do nothing else, so it is a second connection. Unlike the cache
  // connection it queues while disconnected: the subscription is made (and, after an outage,
  // remade by ioredis) as soon as Redis is reachable.
  const subscriber = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  subscriber.on('error', () => undefined);
  subscriber.on('message', (_channel: string, encounterId: string) => void local.publish(encounterId));
  subscriber.subscribe(channel).catch((error: Error) => {
    logger.warn(
      { err: { type: error.name, message: error.message } },
      'event fan-out: Redis subscribe failed',
    );
  });
  return {
    async publish(encounterId) {
      try {
        await redis.publish(channel, encounterId);
      } catch {
        // The local streams still hear it; the others find it on their next poll.
        await local.publish(encounterId);
      }
    },
    subscribe: local.subscribe,
    async close() {
      subscriber.disconnect();
      await local.close();
    },
  };
}
