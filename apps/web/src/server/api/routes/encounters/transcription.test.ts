import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answerNoteFromTranscript } from '@healthcare/ai/testing/answer-note-from-transcript';
import { startFakeOpenAiChatServer } from '@healthcare/ai/testing/fake-llm-servers';
import { startFakeOpenAiSttServer } from '@healthcare/ai/testing/fake-openai-stt-server';
import { writeLlamaModel } from '@healthcare/ai/testing/write-llama-model';
import { writeWhisperModel } from '@healthcare/ai/testing/write-whisper-model';
import { audioChunks } from '@healthcare/core/db/schema/audio-chunks';
import { withTenant } from '@healthcare/core/db/with-tenant';
import { generateTone } from '@healthcare/core/media/testing/audio-fixtures';
import { configuredSpeechToText } from '@healthcare/core/transcripts/configured-speech-to-text';
import { transcribeChunkJob } from '@healthcare/core/transcripts/transcribe-chunk.job';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addStaffMember,
  clinicWithPatient,
  createEncounter,
  putBytes,
} from '../../../testing/clinic-fixtures';
import { useTestApp } from '../../../testing/start-test-app';

let stt: Awaited<ReturnType<typeof startFakeOpenAiSttServer>>;
let llm: Awaited<ReturnType<typeof startFakeOpenAiChatServer>>;
let scratch: string;
const audio = new Map<string, Buffer>();

beforeAll(async () => {
  stt = await startFakeOpenAiSttServer();
  llm = await startFakeOpenAiChatServer({ defaultAnswer: answerNoteFromTranscript });
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-transcription-'));
  for (const [name, args, seconds] of [
    ['chunk-0', ['-c:a', 'libopus'], 1],
    ['chunk-1', ['-c:a', 'libopus', '-b:a', '32k'], 1],
    // whisper.cpp returns at once, without decoding, for audio shorter than 1 s.
    ['chunk-long', ['-c:a', 'libopus'], 2.5],
    ['recording', ['-c:a', 'pcm_s16le'], 2.5],
    ['damaged', ['-c:a', 'aac'], 2.5],
  ] as const) {
    const file = await generateTone(
      scratch,
      `${name}.${name === 'recording' ? 'wav' : name === 'damaged' ? 'm4a' : 'webm'}`,
      [...args],
      seconds,
    );
    audio.set(name, await readFile(file));
  }
}, 120_000);
afterAll(async () => {
  await stt.close();
  await llm.close();
  await rm(scratch, { recursive: true, force: true });
});

const { api, testApp } = useTestApp(
  () => ({
    RUN_WORKER: 'true',
    STT_PROVIDER: 'openai',
    STT_BASE_URL: stt.baseUrl,
    STT_API_KEY: 'sk-test',
    LLM_PROVIDER: 'openai',
    LLM_BASE_URL: llm.baseUrl,
  }),
  { ownDatabase: true },
);

const transcriptOf = async (token: string, encounterId: string) =>
  (await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body;
const waitFor = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 30_000, interval: 200 });

describe('live transcription of chunks', () => {
  it('should grow the transcript while recording, in encounter time, whatever the arrival order', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    const put = (seq: number) =>
      putBytes(
        testApp().baseUrl,
        `/api/v1/encounters/${encounterId}/audio/chunks/${seq}`,
        token,
        audio.get(`chunk-${seq}`)!,
      );

    expect((await put(1)).status).toBe(202);
    expect((await put(0)).status).toBe(202);
    const partial = await waitFor(async () => {
      const transcript = await transcriptOf(token, encounterId);
      expect(transcript.segments).toHaveLength(2);
      return transcript;
    });
    expect(partial.status).toBe('partial');
    const [first, second] = partial.segments;
    expect(first).toMatchObject({ start: 0, text: 'segment 0' });
    // The second chunk's segments start where the first chunk ended.
    expect(second.start).toBeCloseTo(first.end, 1);
    expect(second.start).toBeGreaterThan(0.9);
    // To play a statement's evidence, each segment names its chunk and where it starts in it.
    expect(first.chunk).toEqual({ seq: 0, offset: 0 });
    expect(second.chunk).toEqual({ seq: 1, offset: expect.closeTo(0, 1) });

    expect(
      (await api.post(`/api/v1/encounters/${encounterId}/audio/complete`, { chunkCount: 2 }, token)).status,
    ).toBe(202);
    const complete = await waitFor(async () => {
      const transcript = await transcriptOf(token, encounterId);
      expect(transcript.status).toBe('complete');
      return transcript;
    });
    expect(complete.durationSec).toBeGreaterThan(1.9);
    expect(complete.segments.map((segment: { id: string }) => segment.id)).toEqual(
      partial.segments.map((segment: { id: string }) => segment.id),
    );
    expect(stt.requests.at(-1)?.fields.language).toEqual(['pt']);
  });

  it('should keep transcripts away from staff', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    const staff = await addStaffMember(api, token, 'staff');
    expect((await api.get(`/api/v1/encounters/${encounterId}/transcript`, staff)).status).toBe(403);
  });
});

describe('whole recordings', () => {
  it('should transcribe an uploaded recording into a complete transcript', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    expect(
      (
        await putBytes(
          testApp().baseUrl,
          `/api/v1/encounters/${encounterId}/audio`,
          token,
          audio.get('recording')!,
        )
      ).status,
    ).toBe(202);
    const transcript = await waitFor(async () => {
      const current = await transcriptOf(token, encounterId);
      expect(current.status).toBe('complete');
      return current;
    });
    expect(transcript.durationSec).toBeCloseTo(2.5, 1);
    expect(
      transcript.segments.map((segment: { start: number; end: number }) => [segment.start, segment.end]),
    ).toEqual([
      [0, 2],
      [2, 2.5],
    ]);
  });

  it('should put a clear reason on the encounter when the audio is damaged', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    const damaged = audio.get('damaged')!;
    const truncated = damaged.subarray(0, Math.floor(damaged.length / 2));
    expect(
      (await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio`, token, truncated)).status,
    ).toBe(202);
    const encounter = await waitFor(async () => {
      const current = (await api.get(`/api/v1/encounters/${encounterId}`, token)).body;
      expect(current.status).toBe('failed');
      return current;
    });
    expect(encounter.failureReason).toMatch(/damaged|incomplete|could not be read/i);
  });
});

describe('provider failures and retry', () => {
  it('should fail with the provider’s reason when it refuses us, and finish after a retry', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    stt.enqueue({
      kind: 'status',
      status: 401,
      body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } },
    });
    await putBytes(
      testApp().baseUrl,
      `/api/v1/encounters/${encounterId}/audio`,
      token,
      audio.get('recording')!,
    );
    const failed = await waitFor(async () => {
      const current = (await api.get(`/api/v1/encounters/${encounterId}`, token)).body;
      expect(current.status).toBe('failed');
      return current;
    });
    expect(failed.failureReason).toMatch(/credentials.*Incorrect API key/);

    const retried = await api.post(`/api/v1/encounters/${encounterId}/retry`, {}, token);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ status: 'transcribing', failureReason: null });
    await waitFor(async () => expect((await transcriptOf(token, encounterId)).status).toBe('complete'));
    expect((await api.post(`/api/v1/encounters/${encounterId}/retry`, {}, token)).status).toBe(409);
  });
});

describe('a live recording stopped just after a new chunk began', () => {
  it('should keep a last chunk that holds no audio as silence, not fail the encounter', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    const put = (seq: number, bytes: Buffer) =>
      putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio/chunks/${seq}`, token, bytes);
    expect((await put(0, audio.get('chunk-0')!)).status).toBe(202);
    // The WebM header and nothing after it: what MediaRecorder hands over when stopped at once.
    expect((await put(1, audio.get('chunk-1')!.subarray(0, 160))).status).toBe(202);
    await api.post(`/api/v1/encounters/${encounterId}/audio/complete`, { chunkCount: 2 }, token);
    const encounter = await waitFor(async () => {
      const current = (await api.get(`/api/v1/encounters/${encounterId}`, token)).body;
      expect(['ready', 'failed']).toContain(current.status);
      return current;
    });
    expect(encounter).toMatchObject({ status: 'ready', failureReason: null });
    const transcript = await transcriptOf(token, encounterId);
    expect(transcript.status).toBe('complete');
    expect(transcript.segments).toHaveLength(1);
  });
});

describe('idempotent jobs', () => {
  it('should leave the same rows when a chunk job runs again, done or redone', async () => {
    const { token, patientId, session } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    await putBytes(
      testApp().baseUrl,
      `/api/v1/encounters/${encounterId}/audio/chunks/0`,
      token,
      audio.get('chunk-0')!,
    );
    const before = await waitFor(async () => {
      const transcript = await transcriptOf(token, encounterId);
      expect(transcript.segments).toHaveLength(1);
      return transcript;
    });
    const { app } = testApp();
    const job = transcribeChunkJob({
      ...app,
      stt: configuredSpeechToText(app.config, app.logger),
      noteWriter: undefined,
      noteLimits: app.config.notes,
      audioRetentionDays: app.config.retention.audioDays,
    });
    const payload = { clinicId: session.clinic.id, encounterId, seq: 0 };
    await job.handle(payload);
    await job.handle(payload);
    expect(await transcriptOf(token, encounterId)).toEqual(before);

    // Redone from scratch (as after a crash between the provider call and the commit): replaced, not doubled.
    await withTenant(app.db, session.clinic.id, (tx) =>
      tx.update(audioChunks).set({ transcribedAt: null }).where(eq(audioChunks.encounterId, encounterId)),
    );
    await job.handle(payload);
    const after = await transcriptOf(token, encounterId);
    expect(after.segments.map(({ start, end, text }: any) => ({ start, end, text }))).toEqual(
      before.segments.map(({ start, end, text }: any) => ({ start, end, text })),
    );
  });
});

describe('without a speech-to-text service', () => {
  const unconfigured = useTestApp({ RUN_WORKER: 'true' }, { ownDatabase: true });

  it('should keep the audio and say on the encounter what an administrator must configure', async () => {
    const { token, patientId, session } = await clinicWithPatient(unconfigured.api);
    const encounterId = await createEncounter(unconfigured.api, token, patientId);
    await putBytes(
      unconfigured.testApp().baseUrl,
      `/api/v1/encounters/${encounterId}/audio/chunks/0`,
      token,
      audio.get('chunk-0')!,
    );
    const failed = await waitFor(async () => {
      const current = (await unconfigured.api.get(`/api/v1/encounters/${encounterId}`, token)).body;
      expect(current.status).toBe('failed');
      return current;
    });
    expect(failed.failureReason).toMatch(/no speech-to-text service is configured.*STT_PROVIDER/);
    // The recording goes on: the next chunk is still accepted and stored.
    const next = await putBytes(
      unconfigured.testApp().baseUrl,
      `/api/v1/encounters/${encounterId}/audio/chunks/1`,
      token,
      audio.get('chunk-1')!,
    );
    expect(next.status).toBe(202);
    const objects = [];
    for await (const object of unconfigured.testApp().app.storage.list(`clinics/${session.clinic.id}/`))
      objects.push(object);
    expect(objects).toHaveLength(2);
  });
});

describe('with the embedded engines (whisper.cpp and llama.cpp in the app)', () => {
  let modelPath: string;
  let llamaPath: string;
  beforeAll(async () => {
    modelPath = path.join(scratch, 'ggml-tiny-random.bin');
    llamaPath = path.join(scratch, 'tiny-random.gguf');
    await writeWhisperModel(modelPath, { size: 'tiny', endOfTextBias: true });
    await writeLlamaModel(llamaPath, { shape: 'tiny' });
  }, 60_000);
  const embedded = useTestApp(
    () => ({
      RUN_WORKER: 'true',
      STT_PROVIDER: 'embedded',
      STT_MODEL_PATH: modelPath,
      STT_THREADS: '2',
      LLM_PROVIDER: 'embedded',
      LLM_MODEL_PATH: llamaPath,
      LLM_THREADS: '1',
      LLM_CONTEXT_SIZE: '4096',
      LLM_MAX_OUTPUT_TOKENS: '1300',
      NOTE_MAX_ITEMS_PER_SECTION: '2',
      NOTE_MAX_ITEM_CHARS: '40',
    }),
    { ownDatabase: true },
  );

  it('should transcribe a live recording in-process, end to end', async () => {
    const { token, patientId } = await clinicWithPatient(embedded.api);
    const encounterId = await createEncounter(embedded.api, token, patientId);
    await putBytes(
      embedded.testApp().baseUrl,
      `/api/v1/encounters/${encounterId}/audio/chunks/0`,
      token,
      audio.get('chunk-long')!,
    );
    await embedded.api.post(`/api/v1/encounters/${encounterId}/audio/complete`, { chunkCount: 1 }, token);
    const transcript = await waitFor(async () => {
      const current = (await embedded.api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body;
      expect(current.status).toBe('complete');
      return current;
    });
    // A random-weight model says nothing meaningful; what matters is that the real engine ran.
    expect(transcript.durationSec).toBeGreaterThan(2.4);
    // …and the encounter goes on to a note, with nothing outside the process.
    const encounter = await waitFor(async () => {
      const current = (await embedded.api.get(`/api/v1/encounters/${encounterId}`, token)).body;
      expect(['ready', 'failed']).toContain(current.status);
      return current;
    });
    expect(encounter.failureReason).toBeNull();
    expect((await embedded.api.get(`/api/v1/encounters/${encounterId}/note`, token)).status).toBe(200);
  });
});
