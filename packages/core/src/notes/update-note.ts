import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { notes, noteVersions, transcriptSegments } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { findEncounter } from '../encounters/find-encounter';
import type { EventBus } from '../events/event-bus';
import { notifyStreams } from '../events/notify-streams';
import { recordEncounterEvent } from '../events/record-encounter-event';
import { AppError } from '../errors/app-error';
import { requireRole } from '../users/require-role';
import { applyNoteEdit } from './apply-note-edit';
import { clinicalRoles } from '../users/clinical-roles';
import { loadNote } from './load-note';
import { assertCurrentVersion, signedNoteIsFinal } from './note-conflicts';
import type { NoteView, UpdateNoteInput } from './note-schemas';
import { toNoteView } from './to-note-view';

/** Saves an edit as a new version; every earlier version is kept. */
export async function updateNote(
  deps: { db: Database; events?: EventBus },
  actor: Actor,
  encounterId: string,
  edit: UpdateNoteInput,
  expectedVersion: number | undefined,
): Promise<NoteView> {
  requireRole(actor, clinicalRoles);
  const view = await withTenant(deps.db, actor.clinicId, async (tx) => {
    const encounter = await findEncounter(tx, actor.clinicId, encounterId, { forUpdate: true });
    const { note, version } = await loadNote(tx, encounter.id, { forUpdate: true });
    if (note.signedAt) throw signedNoteIsFinal();
    if (encounter.status !== 'ready')
      throw new AppError('conflict', 'A new version of this note is being written. Wait for it, then edit.', {
        members: { status: encounter.status },
      });
    assertCurrentVersion(expectedVersion, note.currentVersion);
    const segments = await tx
      .select({ id: transcriptSegments.id, text: transcriptSegments.text })
      .from(transcriptSegments)
      .where(eq(transcriptSegments.encounterId, encounter.id))
      .orderBy(asc(transcriptSegments.startSec), asc(transcriptSegments.ordinal));
    const now = new Date();
    const sections = applyNoteEdit(
      version.sections,
      edit,
      new Map(segments.map((segment) => [segment.id, segment])),
      note.language,
      actor,
      now,
    );
    const nextVersion = note.currentVersion + 1;
    const [nextVersionRow] = await tx
      .insert(noteVersions)
      .values({
        clinicId: actor.clinicId,
        noteId: note.id,
        version: nextVersion,
        source: 'edited',
        sections,
        authorId: actor.userId,
      })
      .returning();
    const [updated] = await tx
      .update(notes)
      .set({ currentVersion: nextVersion, updatedAt: now })
      .where(eq(notes.id, note.id))
      .returning();
    await recordEncounterEvent(tx, {
      clinicId: actor.clinicId,
      encounterId: encounter.id,
      type: 'note',
      data: { version: nextVersion, reason: 'edited' },
    });
    await recordAuditEvents(tx, actor, [
      {
        action: 'note.update',
        resourceType: 'note',
        resourceId: note.id,
        patientId: encounter.patientId,
        details: { version: nextVersion },
      },
    ]);
    const reloaded = await loadNote(tx, encounter.id);
    return toNoteView(updated!, nextVersionRow!, reloaded.addenda, reloaded.model);
  });
  notifyStreams(deps.events, encounterId);
  return view;
}
