import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { noteAddenda } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { findEncounter } from '../encounters/find-encounter';
import type { EventBus } from '../events/event-bus';
import { notifyStreams } from '../events/notify-streams';
import { recordEncounterEvent } from '../events/record-encounter-event';
import { AppError } from '../errors/app-error';
import { requireRole } from '../users/require-role';
import { clinicalRoles } from '../users/clinical-roles';
import { loadNote } from './load-note';

/** A later correction or addition to a signed note, dated and attributed; the note itself stays as signed. */
export async function addAddendum(
  deps: { db: Database; events?: EventBus },
  actor: Actor,
  encounterId: string,
  text: string,
) {
  requireRole(actor, clinicalRoles);
  const addendum = await withTenant(deps.db, actor.clinicId, async (tx) => {
    const encounter = await findEncounter(tx, actor.clinicId, encounterId);
    const { note } = await loadNote(tx, encounter.id);
    if (!note.signedAt)
      throw new AppError(
        'conflict',
        'Addenda are for signed notes. Edit the note itself until it is signed.',
      );
    const [row] = await tx
      .insert(noteAddenda)
      .values({ clinicId: actor.clinicId, noteId: note.id, authorId: actor.userId, text })
      .returning();
    await recordEncounterEvent(tx, {
      clinicId: actor.clinicId,
      encounterId: encounter.id,
      type: 'note',
      data: { version: note.currentVersion, reason: 'addendum' },
    });
    await recordAuditEvents(tx, actor, [
      { action: 'note.addendum', resourceType: 'note', resourceId: note.id, patientId: encounter.patientId },
    ]);
    return row!;
  });
  notifyStreams(deps.events, encounterId);
  return {
    id: addendum.id,
    text: addendum.text,
    authorId: addendum.authorId,
    createdAt: addendum.createdAt.toISOString(),
  };
}
