import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { audioChunks, encounters } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import type { Encounter } from '../encounters/encounter-schemas';
import { countChunks, findEncounter } from '../encounters/find-encounter';
import { toEncounter } from '../encounters/to-encounter';
import { AppError } from '../errors/app-error';
import type { JobClient } from '../jobs/job-client';
import { enqueueTranscribeChunk } from './transcribe-chunk.job';
import { enqueueTranscribeRecording } from './transcribe-recording.job';

/**
 * Puts a failed encounter back to work: the failure is cleared and every unit not yet
 * transcribed is enqueued again, in one transaction. Work already done is kept.
 */
export async function retryEncounter(
  deps: { db: Database; jobs: JobClient },
  actor: Actor,
  encounterId: string,
): Promise<Encounter> {
  return withTenant(deps.db, actor.clinicId, async (tx) => {
    const encounter = await findEncounter(tx, actor.clinicId, encounterId, { forUpdate: true });
    if (encounter.status !== 'failed') {
      throw new AppError('conflict', 'Only a failed encounter can be retried.', {
        members: { status: encounter.status },
      });
    }
    const job = { clinicId: actor.clinicId, encounterId: encounter.id, requestId: actor.requestId };
    if (encounter.audioSource === 'upload') {
      await enqueueTranscribeRecording(deps.jobs, tx, job);
    } else {
      const pending = await tx
        .select({ seq: audioChunks.seq })
        .from(audioChunks)
        .where(and(eq(audioChunks.encounterId, encounter.id), isNull(audioChunks.transcribedAt)));
      for (const { seq } of pending) await enqueueTranscribeChunk(deps.jobs, tx, { ...job, seq });
    }
    const status =
      encounter.audioSource === 'chunks' && !encounter.audioCompletedAt ? 'recording' : 'transcribing';
    const [row] = await tx
      .update(encounters)
      .set({ status, failureReason: null, updatedAt: new Date() })
      .where(eq(encounters.id, encounter.id))
      .returning();
    if (!row) throw new Error('update returned no row');
    await recordAuditEvents(tx, actor, [
      { action: 'encounter.retry', resourceType: 'encounter', resourceId: row.id, patientId: row.patientId },
    ]);
    return toEncounter(row, await countChunks(tx, row.id));
  });
}
