import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { encounters } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import type { Encounter, RecordConsentInput } from './encounter-schemas';
import { countChunks, findEncounter } from './find-encounter';
import { toEncounter } from './to-encounter';

/**
 * Records that the patient agreed to be recorded, with the very words they were shown. Recorded
 * once: a second confirmation (a double click, a retried request) returns the first unchanged,
 * since the consent that counts is the one given before the recording began.
 */
export async function recordRecordingConsent(
  db: Database,
  actor: Actor,
  encounterId: string,
  input: RecordConsentInput,
): Promise<{ encounter: Encounter; created: boolean }> {
  return withTenant(db, actor.clinicId, async (tx) => {
    const row = await findEncounter(tx, actor.clinicId, encounterId);
    const now = new Date();
    const [updated] = await tx
      .update(encounters)
      .set({
        consentConfirmedBy: actor.userId,
        consentConfirmedAt: now,
        consentWording: input.wording,
        consentLanguage: row.language,
        updatedAt: now,
      })
      .where(and(eq(encounters.id, row.id), isNull(encounters.consentConfirmedAt)))
      .returning();
    if (updated) {
      await recordAuditEvents(tx, actor, [
        {
          action: 'encounter.consent',
          resourceType: 'encounter',
          resourceId: row.id,
          patientId: row.patientId,
          details: { language: row.language },
        },
      ]);
    }
    const current = updated ?? (await findEncounter(tx, actor.clinicId, row.id));
    return { encounter: toEncounter(current, await countChunks(tx, row.id)), created: Boolean(updated) };
  });
}
