import path from 'node:path';
import { eq } from 'drizzle-orm';
import { filterHallucinations } from '@healthcare/ai/stt/filter-hallucinations';
import { z } from 'zod';
import { defaultRecordingWindowSeconds } from '../config/config-schema';
import type { TenantTransaction } from '../db/database';
import { encounters, transcribedWindows } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { enqueueJob, type JobClient } from '../jobs/job-client';
import { jobQueues } from '../jobs/job-queues';
import type { JobDefinition } from '../jobs/run-job';
import { withDecodedAudio } from './decode-stored-audio';
import { notifyStreams } from '../events/notify-streams';
import { failEncounter } from './fail-encounter';
import { finalizeTranscriptWhenDone } from './finalize-transcript.job';
import { sliceWav } from './slice-wav';
import { requireSpeechToText } from './speech-to-text-or-fail';
import { storeSegments } from './store-segments';
import type { WorkerDependencies } from '../jobs/worker-dependencies';

// Windows in flight at once: enough to overlap network and decoding, few enough for 2 cores.
const parallelWindows = 2;

export const transcribeRecordingPayload = z.object({
  clinicId: z.uuid(),
  encounterId: z.uuid(),
  requestId: z.string().optional(),
});
export type TranscribeRecordingPayload = z.infer<typeof transcribeRecordingPayload>;

export function enqueueTranscribeRecording(
  jobs: JobClient,
  tx: TenantTransaction,
  payload: TranscribeRecordingPayload,
) {
  return enqueueJob(jobs, tx, jobQueues.transcribeRecording.name, payload, {
    singletonKey: payload.encounterId,
  });
}

/**
 * Transcribes a whole uploaded recording in windows, a few at a time. Each finished window is
 * recorded with its segments, so a retry (or a worker that died) resumes where it stopped.
 */
export function transcribeRecordingJob(deps: WorkerDependencies): JobDefinition<TranscribeRecordingPayload> {
  return {
    queue: jobQueues.transcribeRecording.name,
    payload: transcribeRecordingPayload,
    onFailure: (payload, reason) => failEncounter(deps, payload.clinicId, payload.encounterId, reason),
    async handle({ clinicId, encounterId, requestId }) {
      const state = await withTenant(deps.db, clinicId, async (tx) => {
        const [encounter] = await tx.select().from(encounters).where(eq(encounters.id, encounterId));
        const done = await tx
          .select({
            windowIndex: transcribedWindows.windowIndex,
            startSec: transcribedWindows.startSec,
            durationSec: transcribedWindows.durationSec,
          })
          .from(transcribedWindows)
          .where(eq(transcribedWindows.encounterId, encounterId));
        return { encounter, done };
      });
      const { encounter } = state;
      if (!encounter?.audioKey || encounter.status === 'failed' || encounter.transcriptCompletedAt) return;
      const stt = requireSpeechToText(deps.stt);
      const windowSec = windowLength(
        state.done,
        deps.recordingWindowSeconds ?? defaultRecordingWindowSeconds,
      );
      const done = new Set(state.done.map((row) => row.windowIndex));

      await withDecodedAudio(deps.storage, encounter.audioKey, async (audio) => {
        const windowCount = Math.max(1, Math.ceil(audio.durationSec / windowSec));
        const pending = Array.from({ length: windowCount }, (_, index) => index).filter(
          (index) => !done.has(index),
        );
        const transcribeWindow = async (index: number) => {
          const startSec = index * windowSec;
          const durationSec = Math.min(windowSec, audio.durationSec - startSec);
          const windowPath = path.join(path.dirname(audio.path), `window-${index}.wav`);
          await sliceWav(audio.path, windowPath, startSec, durationSec);
          const transcript = await stt.transcribe(
            { path: windowPath, durationSec },
            { language: encounter.language },
          );
          await withTenant(deps.db, clinicId, async (tx) => {
            await storeSegments(
              tx,
              { clinicId, encounterId, source: 'window', sourceIndex: index, offsetSec: startSec },
              filterHallucinations(transcript.segments),
            );
            await tx
              .insert(transcribedWindows)
              .values({ clinicId, encounterId, windowIndex: index, startSec, durationSec })
              .onConflictDoNothing();
          });
          notifyStreams(deps.events, encounterId);
        };
        await forEachBounded(pending, parallelWindows, transcribeWindow);
        await withTenant(deps.db, clinicId, async (tx) => {
          const [locked] = await tx
            .update(encounters)
            .set({ audioDurationSec: audio.durationSec, updatedAt: new Date() })
            .where(eq(encounters.id, encounterId))
            .returning();
          if (locked) await finalizeTranscriptWhenDone(deps.jobs, tx, locked, requestId);
        });
      });
    },
  };
}

/**
 * The windows of an earlier attempt keep their length, even if STT_WINDOW_SECONDS changed since:
 * a resumed transcription must cut the recording where the first attempt did.
 */
function windowLength(
  done: { windowIndex: number; startSec: number; durationSec: number }[],
  configured: number,
) {
  const later = done.find((row) => row.windowIndex > 0);
  if (later) return later.startSec / later.windowIndex;
  // Only the first window: it is a whole window, or the whole (shorter) recording.
  return done[0]?.durationSec ?? configured;
}

/**
 * Runs `work` on the items, at most `limit` at a time. After a failure no new item starts, and
 * the ones in flight finish (and are kept) before the failure is thrown: the caller removes the
 * decoded audio they read only once they are done with it.
 */
async function forEachBounded<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  let failure: { error: unknown } | undefined;
  const runners = Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined && !failure; item = queue.shift()) {
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  });
  await Promise.all(runners);
  if (failure) throw failure.error;
}
