import { eq } from 'drizzle-orm';
import type { TenantTransaction } from '../db/database';
import { encounters } from '../db/schema';
import { recordEncounterEvent } from '../events/record-encounter-event';
import type { EncounterStatus } from './encounter-schemas';

type EncounterChanges = Partial<typeof encounters.$inferInsert>;

/**
 * Moves an encounter to a new status (with any other column changes) and records the status
 * event in the same transaction, so the live stream shows every step exactly once.
 */
export async function changeEncounterStatus(
  tx: TenantTransaction,
  encounter: { id: string; clinicId: string },
  status: EncounterStatus,
  changes: EncounterChanges = {},
) {
  const failureReason = status === 'failed' ? (changes.failureReason ?? null) : null;
  const [row] = await tx
    .update(encounters)
    .set({ ...changes, status, failureReason, updatedAt: new Date() })
    .where(eq(encounters.id, encounter.id))
    .returning();
  if (!row) throw new Error('update returned no row');
  await recordEncounterEvent(tx, {
    clinicId: encounter.clinicId,
    encounterId: encounter.id,
    type: 'status',
    data: { status, failureReason },
  });
  return row;
}
