import type { TenantTransaction } from '../db/database';
import { encounterEvents } from '../db/schema';
import type { EncounterEventPayload, EncounterEventType } from './encounter-event-schemas';

/**
 * Appends an event in the transaction that made the change, so a stream sees exactly what was
 * committed. Whoever commits then calls `EventBus.publish` to wake the streams.
 */
export async function recordEncounterEvent<Type extends EncounterEventType>(
  tx: TenantTransaction,
  event: { clinicId: string; encounterId: string; type: Type; data: EncounterEventPayload<Type> },
): Promise<void> {
  await tx.insert(encounterEvents).values({
    clinicId: event.clinicId,
    encounterId: event.encounterId,
    type: event.type,
    data: event.data,
  });
}
