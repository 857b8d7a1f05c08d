import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { withTenant } from '../db/with-tenant';
import { changeEncounterStatus } from '../encounters/change-encounter-status';
import type { Encounter } from '../encounters/encounter-schemas';
import { countChunks, findEncounter } from '../encounters/find-encounter';
import { toEncounter } from '../encounters/to-encounter';
import type { EventBus } from '../events/event-bus';
import { notifyStreams } from '../events/notify-streams';
import { AppError } from '../errors/app-error';
import type { JobClient } from '../jobs/job-client';
import { resolveOpenTemplate } from '../templates/resolve-template';
import { requireRole } from '../users/require-role';
import { enqueueGenerateNote } from './generate-note.job';
import { clinicalRoles } from '../users/clinical-roles';
import type { RegenerateNoteInput } from './note-schemas';

/**
 * Writes the note again, optionally with another template or language. The new version is
 * added after the current one, so earlier versions (and edits) stay in the history.
 */
export async function regenerateNote(
  deps: { db: Database; jobs: JobClient; events?: EventBus },
  actor: Actor,
  encounterId: string,
  input: RegenerateNoteInput,
): Promise<Encounter> {
  requireRole(actor, clinicalRoles);
  const encounter = await withTenant(deps.db, actor.clinicId, async (tx) => {
    const current = await findEncounter(tx, actor.clinicId, encounterId, { forUpdate: true });
    if (current.status === 'signed')
      throw new AppError(
        'conflict',
        'This note is signed and can no longer be changed. Add an addendum instead.',
      );
    if (current.status !== 'ready')
      throw new AppError('conflict', 'The note can be regenerated once it has been written.', {
        members: { status: current.status },
      });
    const template = input.template ?? current.template;
    if (!(await resolveOpenTemplate(tx, template)))
      throw new AppError('validation_failed', 'This clinic has no such template.', {
        fieldErrors: [{ pointer: '/template', detail: 'Unknown template', code: 'unknown_template' }],
      });
    const row = await changeEncounterStatus(tx, current, 'generating', {
      template,
      language: input.language ?? current.language,
    });
    await enqueueGenerateNote(deps.jobs, tx, {
      clinicId: actor.clinicId,
      encounterId: row.id,
      requestId: actor.requestId,
    });
    await recordAuditEvents(tx, actor, [
      {
        action: 'note.regenerate',
        resourceType: 'encounter',
        resourceId: row.id,
        patientId: row.patientId,
        details: { template, language: row.language },
      },
    ]);
    return toEncounter(row, await countChunks(tx, row.id));
  });
  notifyStreams(deps.events, encounterId);
  return encounter;
}
