import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { notes } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { changeEncounterStatus } from '../encounters/change-encounter-status';
import { findEncounter } from '../encounters/find-encounter';
import type { EventBus } from '../events/event-bus';
import { notifyStreams } from '../events/notify-streams';
import { recordEncounterEvent } from '../events/record-encounter-event';
import { AppError } from '../errors/app-error';
import { requireRole } from '../users/require-role';
import { clinicalRoles } from '../users/clinical-roles';
import { loadNote } from './load-note';
import { assertCurrentVersion, signedNoteIsFinal } from './note-conflicts';
import type { NoteView } from './note-schemas';
import { countOpenFlags, toNoteView } from './to-note-view';

/**
 * Signs the current version. Every flag must be fixed or acknowledged first: a signature says
 * the clinician reviewed what the checker doubted. A signed note never changes again.
 */
export async function signNote(
  deps: { db: Database; events?: EventBus },
  actor: Actor,
  encounterId: string,
  expectedVersion: number | undefined,
): Promise<NoteView> {
  requireRole(actor, clinicalRoles);
  const view = await withTenant(deps.db, actor.clinicId, async (tx) => {
    const encounter = await findEncounter(tx, actor.clinicId, encounterId, { forUpdate: true });
    const { note, version, addenda, model } = await loadNote(tx, encounter.id, { forUpdate: true });
    if (note.signedAt) throw signedNoteIsFinal();
    if (encounter.status !== 'ready')
      throw new AppError('conflict', 'A new version of this note is being written. Wait for it, then sign.', {
        members: { status: encounter.status },
      });
    assertCurrentVersion(expectedVersion, note.currentVersion);
    const openFlags = countOpenFlags(version.sections);
    if (openFlags > 0)
      throw new AppError(
        'conflict',
        `${openFlags} statement flag${openFlags === 1 ? ' is' : 's are'} still open. Fix or acknowledge each one, then sign.`,
        { members: { openFlags } },
      );
    const now = new Date();
    const [signed] = await tx
      .update(notes)
      .set({ signedAt: now, signedBy: actor.userId, updatedAt: now })
      .where(eq(notes.id, note.id))
      .returning();
    await changeEncounterStatus(tx, encounter, 'signed');
    await recordEncounterEvent(tx, {
      clinicId: actor.clinicId,
      encounterId: encounter.id,
      type: 'note',
      data: { version: note.currentVersion, reason: 'signed' },
    });
    await recordAuditEvents(tx, actor, [
      {
        action: 'note.sign',
        resourceType: 'note',
        resourceId: note.id,
        patientId: encounter.patientId,
        details: { version: note.currentVersion },
      },
    ]);
    return toNoteView(signed!, version, addenda, model);
  });
  notifyStreams(deps.events, encounterId);
  return view;
}
