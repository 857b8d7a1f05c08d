import { and, asc, eq, lt } from 'drizzle-orm';
import { filterHallucinations } from '@healthcare/ai/stt/filter-hallucinations';
import type { SpeechSegment } from '@healthcare/ai/stt/speech-to-text';
import { z } from 'zod';
import { AudioDecodeError } from '../media/audio-decode-error';
import type { TenantTransaction } from '../db/database';
import { audioChunks, encounters } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { enqueueJob, type JobClient } from '../jobs/job-client';
import { jobQueues } from '../jobs/job-queues';
import type { JobDefinition } from '../jobs/run-job';
import { findEncounter } from '../encounters/find-encounter';
import { notifyStreams } from '../events/notify-streams';
import { finalizeTranscriptWhenDone } from './finalize-transcript.job';
import { withDecodedAudio } from './decode-stored-audio';
import { failEncounter } from './fail-encounter';
import { requireSpeechToText } from './speech-to-text-or-fail';
import { storeSegments } from './store-segments';
import type { WorkerDependencies } from '../jobs/worker-dependencies';

/** Ids only: job payloads sit in a table without row-level security and must carry no patient data. */
export const transcribeChunkPayload = z.object({
  clinicId: z.uuid(),
  encounterId: z.uuid(),
  seq: z.number().int().min(0),
  requestId: z.string().optional(),
});
export type TranscribeChunkPayload = z.infer<typeof transcribeChunkPayload>;

/** Enqueued in the transaction that stores the chunk, so the transcript grows while recording. */
export function enqueueTranscribeChunk(
  jobs: JobClient,
  tx: TenantTransaction,
  payload: TranscribeChunkPayload,
) {
  return enqueueJob(jobs, tx, jobQueues.transcribeChunk.name, payload, {
    singletonKey: `${payload.encounterId}:${payload.seq}`,
  });
}

/**
 * Transcribes one live chunk. Segments are stored at encounter time (this chunk's offset is the
 * sum of the earlier chunks' durations), so a chunk that arrives before an earlier one waits:
 * each finished chunk starts the next one if it is already there.
 */
export function transcribeChunkJob(deps: WorkerDependencies): JobDefinition<TranscribeChunkPayload> {
  return {
    queue: jobQueues.transcribeChunk.name,
    payload: transcribeChunkPayload,
    onFailure: (payload, reason) => failEncounter(deps, payload.clinicId, payload.encounterId, reason),
    async handle({ clinicId, encounterId, seq, requestId }) {
      const state = await withTenant(deps.db, clinicId, async (tx) => {
        const [encounter] = await tx.select().from(encounters).where(eq(encounters.id, encounterId));
        const chunks = await tx
          .select()
          .from(audioChunks)
          .where(and(eq(audioChunks.encounterId, encounterId), lt(audioChunks.seq, seq + 1)))
          .orderBy(asc(audioChunks.seq));
        return { encounter, chunks };
      });
      const chunk = state.chunks.find((candidate) => candidate.seq === seq);
      // Re-check before working: erased, failed (a retry re-enqueues), or already done.
      if (!state.encounter || !chunk || state.encounter.status === 'failed' || chunk.transcribedAt) return;
      const earlier = state.chunks.filter((candidate) => candidate.seq < seq);
      // An earlier chunk has not arrived: its own job will start this one when it is done.
      if (earlier.length < seq) return;

      let offsetSec = 0;
      for (const previous of earlier) {
        offsetSec += previous.durationSec ?? (await measureChunk(deps, clinicId, previous));
      }
      const stt = requireSpeechToText(deps.stt);
      const finish = async (segments: SpeechSegment[], durationSec: number) => {
        await withTenant(deps.db, clinicId, async (tx) => {
          // Locked first: `complete` and this job must see each other's work (see finalizeTranscriptWhenDone).
          const locked = await findEncounter(tx, clinicId, encounterId, { forUpdate: true });
          await storeSegments(
            tx,
            { clinicId, encounterId, source: 'chunk', sourceIndex: seq, offsetSec },
            segments,
          );
          await tx
            .update(audioChunks)
            .set({ durationSec, transcribedAt: new Date() })
            .where(and(eq(audioChunks.encounterId, encounterId), eq(audioChunks.seq, seq)));
          await finalizeTranscriptWhenDone(deps.jobs, tx, locked, requestId);
          const [next] = await tx
            .select({ transcribedAt: audioChunks.transcribedAt })
            .from(audioChunks)
            .where(and(eq(audioChunks.encounterId, encounterId), eq(audioChunks.seq, seq + 1)));
          if (next && !next.transcribedAt) {
            await enqueueTranscribeChunk(deps.jobs, tx, {
              clinicId,
              encounterId,
              seq: seq + 1,
              ...(requestId ? { requestId } : {}),
            });
          }
        });
        notifyStreams(deps.events, encounterId);
      };
      try {
        await withDecodedAudio(deps.storage, chunk.objectKey, async (audio) => {
          const transcript = await stt.transcribe(audio, { language: state.encounter!.language });
          await finish(filterHallucinations(transcript.segments), audio.durationSec);
        });
      } catch (error) {
        if (!isEmptyLiveChunk(error, chunk.bytes)) throw error;
        // A recorder stopped just after it began a new chunk sends a container with no audio
        // frames: nothing was said in it, and it must not fail the whole encounter.
        deps.logger.warn(
          { encounterId, seq, bytes: chunk.bytes },
          'live chunk holds no audio; kept as silence',
        );
        await finish([], 0);
      }
    },
  };
}

/** The duration of an earlier chunk not transcribed yet: decoded once and remembered. */
async function measureChunk(
  deps: WorkerDependencies,
  clinicId: string,
  chunk: { encounterId: string; seq: number; objectKey: string },
): Promise<number> {
  const durationSec = await withDecodedAudio(
    deps.storage,
    chunk.objectKey,
    async (audio) => audio.durationSec,
  );
  await withTenant(deps.db, clinicId, (tx) =>
    tx
      .update(audioChunks)
      .set({ durationSec })
      .where(and(eq(audioChunks.encounterId, chunk.encounterId), eq(audioChunks.seq, chunk.seq))),
  );
  return durationSec;
}

// Larger than any container header with no frames; a damaged chunk of real audio is bigger.
const emptyChunkMaxBytes = 4_096;

function isEmptyLiveChunk(error: unknown, bytes: number): boolean {
  return (
    error instanceof AudioDecodeError &&
    (error.reason === 'empty' || error.reason === 'corrupt') &&
    bytes <= emptyChunkMaxBytes
  );
}
