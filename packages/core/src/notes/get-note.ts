import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { withTenant } from '../db/with-tenant';
import { findEncounter } from '../encounters/find-encounter';
import { clinicalRoles } from '../users/clinical-roles';
import { requireRole } from '../users/require-role';
import { loadNote } from './load-note';
import type { NoteView } from './note-schemas';
import { toNoteView } from './to-note-view';

/** The current version of the encounter's note. Clinical content: not for the front desk. */
export async function getNote(db: Database, actor: Actor, encounterId: string): Promise<NoteView> {
  requireRole(actor, clinicalRoles);
  return withTenant(db, actor.clinicId, async (tx) => {
    const encounter = await findEncounter(tx, actor.clinicId, encounterId);
    const loaded = await loadNote(tx, encounter.id);
    await recordAuditEvents(tx, actor, [
      {
        action: 'note.read',
        resourceType: 'note',
        resourceId: loaded.note.id,
        patientId: encounter.patientId,
        details: { version: loaded.note.currentVersion },
      },
    ]);
    return toNoteView(loaded.note, loaded.version, loaded.addenda, loaded.model);
  });
}
