import type { EventBus } from './event-bus';

/** After the commit: wake the encounter's streams. A failure only delays them until their next poll. */
export function notifyStreams(events: EventBus | undefined, encounterId: string): void {
  events?.publish(encounterId).catch(() => undefined);
}
