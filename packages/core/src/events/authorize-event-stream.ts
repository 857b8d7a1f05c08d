import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { withTenant } from '../db/with-tenant';
import { findEncounter } from '../encounters/find-encounter';
import { requireRole } from '../users/require-role';

/**
 * The stream carries what is said (segments) and the note's progress: clinical content, so the
 * same roles as the transcript, and one audit record per connection.
 */
export async function authorizeEventStream(db: Database, actor: Actor, encounterId: string): Promise<void> {
  requireRole(actor, ['admin', 'clinician']);
  await withTenant(db, actor.clinicId, async (tx) => {
    const encounter = await findEncounter(tx, actor.clinicId, encounterId);
    await recordAuditEvents(tx, actor, [
      {
        action: 'encounter.events.read',
        resourceType: 'encounter',
        resourceId: encounter.id,
        patientId: encounter.patientId,
      },
    ]);
  });
}
