import { EventEmitter } from 'node:events';

/**
 * Wakes up the event streams of one encounter after new events were committed. It carries only
 * the encounter id: the events themselves are read from the database, tenant-scoped, so a lost
 * notification delays a stream but never loses an event.
 */
export interface EventBus {
  publish(encounterId: string): Promise<void>;
  subscribe(encounterId: string, listener: () => void): () => void;
  close(): Promise<void>;
}

/** One process: the embedded mode, where the worker runs inside the app. */
export function createMemoryEventBus(): EventBus {
  const emitter = new EventEmitter();
  // One listener per open stream; hundreds are normal for a busy clinic.
  emitter.setMaxListeners(0);
  return {
    async publish(encounterId) {
      emitter.emit(encounterId);
    },
    subscribe(encounterId, listener) {
      emitter.on(encounterId, listener);
      return () => emitter.off(encounterId, listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
