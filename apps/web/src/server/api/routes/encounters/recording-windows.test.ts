import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { encounters } from '@healthcare/core/db/schema/encounters';
import { transcribedWindows } from '@healthcare/core/db/schema/transcribed-windows';
import { withTenant } from '@healthcare/core/db/with-tenant';
import { findFfmpeg } from '@healthcare/core/media/find-ffmpeg';
import type { RecordedSttRequest } from '@healthcare/ai/testing/fake-openai-stt-server';
import { configuredSpeechToText } from '@healthcare/core/transcripts/configured-speech-to-text';
import { transcribeRecordingJob } from '@healthcare/core/transcripts/transcribe-recording.job';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { clinicWithPatient, createEncounter, putBytes } from '../../../testing/clinic-fixtures';
import { useAiPipelineApp } from '../../../testing/use-ai-pipeline-app';

// Three-second windows make a seven-second recording three windows: [0, 3), [3, 6) and [6, 7).
const windowSeconds = 3;
const { api, testApp, state } = useAiPipelineApp({ STT_WINDOW_SECONDS: String(windowSeconds) });

let recording: Buffer;
beforeAll(async () => {
  // A tone with the middle window silent, so that each request tells which window it carries.
  const file = path.join(state.scratch, 'recording.wav');
  await promisify(execFile)(await findFfmpeg(), [
    ...['-nostdin', '-hide_banner', '-loglevel', 'error', '-f', 'lavfi'],
    ...['-i', 'aevalsrc=(1-gte(t\\,3)*lt(t\\,6))*0.5*sin(2*PI*440*t):s=16000:d=7'],
    ...['-ac', '1', '-c:a', 'pcm_s16le', '-y', file],
  ]);
  recording = await readFile(file);
}, 60_000);

const isSilent = (request: RecordedSttRequest) => request.peak < 100;
/** Which window a request to the speech service carried: the silent one, the short last one, or the first. */
const windowOf = (request: RecordedSttRequest) =>
  isSilent(request) ? 1 : request.wavDurationSec < 2 ? 2 : 0;

const waitFor = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 60_000, interval: 200 });
const round = (seconds: number) => Math.round(seconds * 100) / 100;
const timesOf = (segments: { start: number; end: number; text: string }[]) =>
  segments.map(({ start, end, text }) => [round(start), round(end), text]);

describe('a whole recording longer than one window', () => {
  it('should transcribe it window by window in encounter time, resume after a failure, and redo nothing twice', async () => {
    const { token, patientId, session } = await clinicWithPatient(api);
    const clinicId = session.clinic.id;
    const encounterId = await createEncounter(api, token, patientId);
    const windowsDone = async () =>
      (
        await withTenant(testApp().app.db, clinicId, (tx) =>
          tx.select().from(transcribedWindows).where(eq(transcribedWindows.encounterId, encounterId)),
        )
      )
        .map((row) => [row.windowIndex, round(row.startSec), round(row.durationSec)])
        .sort(([a], [b]) => Number(a) - Number(b));
    const transcript = async () =>
      (await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body;

    const earlier = state.stt.requests.length;
    // The service refuses the middle window once, for good (as OpenAI answers a file it cannot read).
    state.stt.answerWhen(isSilent, {
      kind: 'status',
      status: 400,
      body: {
        error: { message: 'Audio file might be corrupted or unsupported', type: 'invalid_request_error' },
      },
    });
    const uploaded = await putBytes(
      testApp().baseUrl,
      `/api/v1/encounters/${encounterId}/audio`,
      token,
      recording,
    );
    expect(uploaded.status).toBe(202);
    const failed = await waitFor(async () => {
      const current = (await api.get(`/api/v1/encounters/${encounterId}`, token)).body;
      expect(current.status).toBe('failed');
      return current;
    });
    expect(failed.failureReason).toMatch(/corrupted or unsupported/);
    const firstAttempt = state.stt.requests.slice(earlier).map(windowOf);
    // Two windows at a time: the first and the middle one went out together; the last one only
    // if the first finished before the middle one failed. Nothing starts after a failure.
    expect(firstAttempt).toContain(0);
    expect(firstAttempt).toContain(1);
    const doneBefore = await windowsDone();
    const doneIndexes = doneBefore.map(([index]) => index);
    expect(doneIndexes).toContain(0);
    expect(doneIndexes).not.toContain(1);
    expect(doneBefore[0]).toEqual([0, 0, 3]);
    // The windows that finished keep their segments, at their place in the encounter.
    expect(timesOf((await transcript()).segments).slice(0, 2)).toEqual([
      [0, 2, 'segment 0'],
      [2, 3, 'segment 1'],
    ]);

    const retried = await api.post(`/api/v1/encounters/${encounterId}/retry`, {}, token);
    expect(retried.status).toBe(202);
    const complete = await waitFor(async () => {
      const current = await transcript();
      expect(current.status).toBe('complete');
      return current;
    });
    // The retry sent only the windows not yet done: each window was transcribed once.
    const secondAttempt = state.stt.requests.slice(earlier + firstAttempt.length).map(windowOf);
    expect(secondAttempt.sort()).toEqual([0, 1, 2].filter((index) => !doneIndexes.includes(index)));
    expect(firstAttempt.length + secondAttempt.length).toBe(4);
    // One set of segments per window, each shifted by its window's start.
    expect(complete.durationSec).toBeCloseTo(7, 1);
    const expected = [
      [0, 2, 'segment 0'],
      [2, 3, 'segment 1'],
      [3, 5, 'segment 0'],
      [5, 6, 'segment 1'],
      [6, 7, 'segment 0'],
    ];
    expect(timesOf(complete.segments)).toEqual(expected);
    expect(await windowsDone()).toEqual([
      [0, 0, 3],
      [1, 3, 3],
      [2, 6, 1],
    ]);
    await waitFor(async () =>
      expect((await api.get(`/api/v1/encounters/${encounterId}`, token)).body.status).toBe('ready'),
    );

    // The job run again, twice, after losing the marks of its last two windows (as after a crash):
    // those two are transcribed again, once, and replace their segments instead of adding to them.
    const { app } = testApp();
    const job = transcribeRecordingJob({
      ...app,
      stt: configuredSpeechToText(app.config, app.logger),
      noteWriter: undefined,
      noteLimits: app.config.notes,
      audioRetentionDays: app.config.retention.audioDays,
      recordingWindowSeconds: app.config.transcription.recordingWindowSeconds,
    });
    await withTenant(app.db, clinicId, async (tx) => {
      await tx.update(encounters).set({ transcriptCompletedAt: null }).where(eq(encounters.id, encounterId));
      await tx
        .delete(transcribedWindows)
        .where(
          and(
            eq(transcribedWindows.encounterId, encounterId),
            inArray(transcribedWindows.windowIndex, [1, 2]),
          ),
        );
    });
    const beforeRerun = state.stt.requests.length;
    const payload = { clinicId, encounterId };
    await job.handle(payload);
    await job.handle(payload);
    expect(state.stt.requests.slice(beforeRerun).map(windowOf).sort()).toEqual([1, 2]);
    expect(timesOf((await transcript()).segments)).toEqual(expected);
    expect(await windowsDone()).toEqual([
      [0, 0, 3],
      [1, 3, 3],
      [2, 6, 1],
    ]);
  });
});
