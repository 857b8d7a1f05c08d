import { and, eq, isNull } from 'drizzle-orm';
import type { TenantTransaction } from '../db/database';
import { audioChunks, type encounters } from '../db/schema';
import type { JobClient } from '../jobs/job-client';
import { enqueueGenerateNote } from '../notes/generate-note.job';
import { finalizeTranscriptWhenDone } from './finalize-transcript.job';
import { enqueueTranscribeChunk } from './transcribe-chunk.job';
import { enqueueTranscribeRecording } from './transcribe-recording.job';

type EncounterRow = typeof encounters.$inferSelect;
export type ResumedStatus = 'recording' | 'transcribing' | 'generating';

/**
 * Where the pipeline of an encounter stands, judged by the work already done rather than by its
 * status: a finished transcript goes to note generation; a whole recording is transcribed (again);
 * live chunks are transcribed one by one, while recording or after `complete`.
 */
export function resumedStatus(encounter: EncounterRow): ResumedStatus {
  if (encounter.transcriptCompletedAt) return 'generating';
  if (encounter.audioSource === 'upload') return 'transcribing';
  return encounter.audioCompletedAt ? 'transcribing' : 'recording';
}

/**
 * Enqueues every job the encounter, already in `resumedStatus`, still needs, in the caller's
 * transaction. Work already done is kept: only chunks not yet transcribed are enqueued. The
 * handlers are idempotent and re-check the encounter's state, so a job that turns out to be
 * unneeded does nothing.
 */
export async function enqueueRemainingWork(
  jobs: JobClient,
  tx: TenantTransaction,
  encounter: EncounterRow,
  requestId: string | undefined,
): Promise<void> {
  const job = {
    clinicId: encounter.clinicId,
    encounterId: encounter.id,
    ...(requestId ? { requestId } : {}),
  };
  if (encounter.transcriptCompletedAt) {
    await enqueueGenerateNote(jobs, tx, job);
  } else if (encounter.audioSource === 'upload') {
    await enqueueTranscribeRecording(jobs, tx, job);
  } else {
    const pending = await tx
      .select({ seq: audioChunks.seq })
      .from(audioChunks)
      .where(and(eq(audioChunks.encounterId, encounter.id), isNull(audioChunks.transcribedAt)));
    for (const { seq } of pending) await enqueueTranscribeChunk(jobs, tx, { ...job, seq });
    // Everything may already be transcribed (the work stopped after the last chunk).
    await finalizeTranscriptWhenDone(jobs, tx, encounter, requestId);
  }
}

/** Whether the remaining work needs audio that the retention job has already deleted. */
export async function needsDeletedAudio(tx: TenantTransaction, encounter: EncounterRow): Promise<boolean> {
  if (!encounter.audioDeletedAt || encounter.transcriptCompletedAt) return false;
  if (encounter.audioSource === 'upload') return true;
  const [pending] = await tx
    .select({ seq: audioChunks.seq })
    .from(audioChunks)
    .where(and(eq(audioChunks.encounterId, encounter.id), isNull(audioChunks.transcribedAt)))
    .limit(1);
  return pending !== undefined;
}
