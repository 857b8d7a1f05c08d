import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { withTenant } from '../db/with-tenant';
import type { Encounter } from './encounter-schemas';
import { countChunks, findEncounter } from './find-encounter';
import { toEncounter } from './to-encounter';

export async function getEncounter(db: Database, actor: Actor, encounterId: string): Promise<Encounter> {
  return withTenant(db, actor.clinicId, async (tx) => {
    const row = await findEncounter(tx, actor.clinicId, encounterId);
    await recordAuditEvents(tx, actor, [
      { action: 'encounter.read', resourceType: 'encounter', resourceId: row.id, patientId: row.patientId },
    ]);
    return toEncounter(row, await countChunks(tx, row.id));
  });
}
