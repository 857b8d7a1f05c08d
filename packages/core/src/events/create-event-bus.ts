import type { Redis } from 'ioredis';
import type { Logger } from '../logging/create-logger';
import { createMemoryEventBus, type EventBus } from './event-bus';
import { createRedisEventBus } from './redis-event-bus';

/** Across processes through Redis when there is one; otherwise within this process (streams also poll). */
export function createEventBus(redis: Redis | undefined, logger: Logger): EventBus {
  return redis ? createRedisEventBus(redis, logger) : createMemoryEventBus();
}
