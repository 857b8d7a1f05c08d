import path from 'node:path';
import { eq } from 'drizzle-orm';
import { filterHallucinations } from '@healthcare/ai/stt/filter-hallucinations';
import { z } from 'zod';
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

// Five minutes of 16 kHz PCM is about 9.6 MB: under every hosted API's 25 MB upload limit.
const windowSec = 300;
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
          .select({ windowIndex: transcribedWindows.windowIndex })
          .from(transcribedWindows)
          .where(eq(transcribedWindows.encounterId, encounterId));
        return { encounter, done: new Set(done.map((row) => row.windowIndex)) };
      });
      const { encounter } = state;
      if (!encounter?.audioKey || encounter.status === 'failed' || encounter.transcriptCompletedAt) return;
      const stt = requireSpeechToText(deps.stt);

      await withDecodedAudio(deps.storage, encounter.audioKey, async (audio) => {
        const windowCount = Math.max(1, Math.ceil(audio.durationSec / windowSec));
        const pending = Array.from({ length: windowCount }, (_, index) => index).filter(
          (index) => !state.done.has(index),
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

async function forEachBounded<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const runners = Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  });
  await Promise.all(runners);
}
