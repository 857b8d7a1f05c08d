import { asc, eq } from 'drizzle-orm';
import type { NoteWriter } from '@healthcare/ai/llm/note-writer';
import { z } from 'zod';
import type { TenantTransaction } from '../db/database';
import { notes, noteVersions, transcriptSegments } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { changeEncounterStatus } from '../encounters/change-encounter-status';
import { findEncounter } from '../encounters/find-encounter';
import { notifyStreams } from '../events/notify-streams';
import { recordEncounterEvent } from '../events/record-encounter-event';
import { enqueueJob, type JobClient } from '../jobs/job-client';
import { PermanentJobError } from '../jobs/job-errors';
import { jobQueues } from '../jobs/job-queues';
import type { JobDefinition } from '../jobs/run-job';
import type { WorkerDependencies } from '../jobs/worker-dependencies';
import { resolveTemplate } from '../templates/resolve-template';
import { writeCheckedNote } from './write-checked-note';
import { failEncounter } from '../transcripts/fail-encounter';

export const generateNotePayload = z.object({
  clinicId: z.uuid(),
  encounterId: z.uuid(),
  requestId: z.string().optional(),
});
export type GenerateNotePayload = z.infer<typeof generateNotePayload>;

export function enqueueGenerateNote(jobs: JobClient, tx: TenantTransaction, payload: GenerateNotePayload) {
  return enqueueJob(jobs, tx, jobQueues.generateNote.name, payload, { singletonKey: payload.encounterId });
}

/**
 * Writes the note of an encounter whose transcript is final. The model is asked outside any
 * transaction (it can take minutes); the result is stored only if the encounter is still
 * waiting for it, under its row lock, so a job run twice (a retry, a worker killed after the
 * model answered) leaves exactly one new version.
 */
export function generateNoteJob(deps: WorkerDependencies): JobDefinition<GenerateNotePayload> {
  return {
    queue: jobQueues.generateNote.name,
    payload: generateNotePayload,
    onFailure: (payload, reason) => failEncounter(deps, payload.clinicId, payload.encounterId, reason),
    async handle({ clinicId, encounterId }) {
      const state = await withTenant(deps.db, clinicId, async (tx) => {
        const encounter = await findEncounter(tx, clinicId, encounterId).catch(() => undefined);
        if (!encounter || encounter.status !== 'generating') return undefined;
        const template = await resolveTemplate(tx, encounter.template);
        const segments = await tx
          .select()
          .from(transcriptSegments)
          .where(eq(transcriptSegments.encounterId, encounterId))
          .orderBy(asc(transcriptSegments.startSec), asc(transcriptSegments.ordinal));
        return { encounter, template, segments };
      });
      if (!state) return;
      const { encounter, template, segments } = state;
      if (!template) {
        throw new PermanentJobError(
          `The note template “${encounter.template}” no longer exists. Choose another template and regenerate the note.`,
        );
      }
      const { sections, written } = await writeCheckedNote({
        writer: deps.noteWriter,
        requireWriter: requireNoteWriter,
        template,
        language: encounter.language,
        limits: deps.noteLimits,
        transcript: segments.map((segment) => ({
          id: segment.id,
          start: segment.startSec,
          end: segment.endSec,
          text: segment.text,
          speaker: segment.speaker,
        })),
      });

      const stored = await withTenant(deps.db, clinicId, async (tx) => {
        const locked = await findEncounter(tx, clinicId, encounterId, { forUpdate: true }).catch(
          () => undefined,
        );
        if (!locked || locked.status !== 'generating') return false;
        const [existing] = await tx.select().from(notes).where(eq(notes.encounterId, encounterId));
        const version = (existing?.currentVersion ?? 0) + 1;
        const [note] = existing
          ? await tx
              .update(notes)
              .set({
                currentVersion: version,
                template: template.key,
                language: locked.language,
                updatedAt: new Date(),
              })
              .where(eq(notes.id, existing.id))
              .returning()
          : await tx
              .insert(notes)
              .values({
                clinicId,
                encounterId,
                currentVersion: version,
                template: template.key,
                language: locked.language,
              })
              .returning();
        await tx.insert(noteVersions).values({
          clinicId,
          noteId: note!.id,
          version,
          source: 'generated',
          sections,
          model: written?.model ?? null,
        });
        await changeEncounterStatus(tx, locked, 'ready');
        await recordEncounterEvent(tx, {
          clinicId,
          encounterId,
          type: 'note',
          data: { version, reason: 'generated' },
        });
        return true;
      });
      if (stored) {
        deps.logger.info(
          {
            encounterId,
            model: written?.model,
            inputTokens: written?.usage.inputTokens ?? 0,
            outputTokens: written?.usage.outputTokens ?? 0,
          },
          'note generated',
        );
        notifyStreams(deps.events, encounterId);
      }
    },
  };
}

function requireNoteWriter(writer: NoteWriter | undefined): NoteWriter {
  if (!writer) {
    throw new PermanentJobError(
      'No language model is configured, so the note cannot be written. An administrator must set LLM_PROVIDER, then use “retry”.',
    );
  }
  return writer;
}
