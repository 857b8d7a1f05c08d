import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantTransaction } from '../db/database';
import { audioChunks } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { changeEncounterStatus } from '../encounters/change-encounter-status';
import { findEncounter } from '../encounters/find-encounter';
import { notifyStreams } from '../events/notify-streams';
import { enqueueJob, type JobClient } from '../jobs/job-client';
import { jobQueues } from '../jobs/job-queues';
import type { JobDefinition } from '../jobs/run-job';
import { enqueueGenerateNote } from '../notes/generate-note.job';
import { failEncounter } from './fail-encounter';
import type { WorkerDependencies } from '../jobs/worker-dependencies';

export const finalizeTranscriptPayload = z.object({
  clinicId: z.uuid(),
  encounterId: z.uuid(),
  requestId: z.string().optional(),
});
export type FinalizeTranscriptPayload = z.infer<typeof finalizeTranscriptPayload>;

/**
 * Enqueues the finalization once the audio is complete and every chunk is transcribed. Both
 * sides call it (the last chunk's job and `complete`) while holding the encounter's row lock,
 * so whichever commits second sees the other's work and neither case is missed.
 */
export async function finalizeTranscriptWhenDone(
  jobs: JobClient,
  tx: TenantTransaction,
  encounter: {
    id: string;
    clinicId: string;
    status: string;
    audioCompletedAt: Date | null;
    transcriptCompletedAt: Date | null;
  },
  requestId: string | undefined,
): Promise<boolean> {
  if (!encounter.audioCompletedAt || encounter.transcriptCompletedAt || encounter.status !== 'transcribing')
    return false;
  const [pending] = await tx
    .select({ value: count() })
    .from(audioChunks)
    .where(and(eq(audioChunks.encounterId, encounter.id), isNull(audioChunks.transcribedAt)));
  if ((pending?.value ?? 0) > 0) return false;
  await enqueueJob(
    jobs,
    tx,
    jobQueues.finalizeTranscript.name,
    { clinicId: encounter.clinicId, encounterId: encounter.id, ...(requestId ? { requestId } : {}) },
    { singletonKey: encounter.id },
  );
  return true;
}

/**
 * Closes the transcript (its length is the sum of the chunks, or the decoded recording) and
 * hands the encounter to note generation, in one transaction.
 */
export function finalizeTranscriptJob(deps: WorkerDependencies): JobDefinition<FinalizeTranscriptPayload> {
  return {
    queue: jobQueues.finalizeTranscript.name,
    payload: finalizeTranscriptPayload,
    onFailure: (payload, reason) => failEncounter(deps, payload.clinicId, payload.encounterId, reason),
    async handle({ clinicId, encounterId, requestId }) {
      const finalized = await withTenant(deps.db, clinicId, async (tx) => {
        const encounter = await findEncounter(tx, clinicId, encounterId, { forUpdate: true }).catch(
          () => undefined,
        );
        if (!encounter || encounter.status !== 'transcribing' || encounter.transcriptCompletedAt)
          return false;
        let durationSec = encounter.audioDurationSec;
        if (encounter.audioSource === 'chunks') {
          const [totals] = await tx
            .select({
              pending: sql<number>`count(*) filter (where ${audioChunks.transcribedAt} is null)::int`,
              seconds: sql<number | null>`sum(${audioChunks.durationSec})::real`,
            })
            .from(audioChunks)
            .where(eq(audioChunks.encounterId, encounterId));
          if ((totals?.pending ?? 0) > 0) return false;
          durationSec = totals?.seconds ?? null;
        }
        await changeEncounterStatus(tx, encounter, 'generating', {
          transcriptCompletedAt: new Date(),
          audioDurationSec: durationSec,
        });
        await enqueueGenerateNote(deps.jobs, tx, {
          clinicId,
          encounterId,
          ...(requestId ? { requestId } : {}),
        });
        return true;
      });
      if (finalized) notifyStreams(deps.events, encounterId);
    },
  };
}
