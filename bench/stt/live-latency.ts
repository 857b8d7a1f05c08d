/**
 * bench/stt, live recordings: the time from "stop" (the last 5 s chunk sent, then complete) to a
 * final transcript, for recordings of 1, 10 and 30 minutes, against the floor measured in the
 * same run: one chunk transcribed by the engine called directly. A pipeline that keeps up while
 * the clinician speaks leaves one chunk to do at the stop, whatever the length, so the latency
 * should be flat.
 *
 * The earlier chunks travel the same way (PUT, stored, decoded, transcribed by the app's worker,
 * segments stored), paced two chunks ahead of the transcript. They are transcribed by a stand-in
 * OpenAI-compatible server: the tiny-shaped engine needs about a second per chunk on 2 cores,
 * which would make 30 minutes take 6 minutes of the run. The app is then restarted on the same
 * database with the embedded engine (whisper.cpp in its worker), which transcribes the last chunk.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeOpenAiSttServer } from '@healthcare/ai/testing/fake-openai-stt-server';
import { writeWhisperModel } from '@healthcare/ai/testing/write-whisper-model';
import { createTestDatabase } from '@healthcare/core/testing/test-database';
import { Whisper } from 'smart-whisper';
import { apiClient, signUpClinic, type ApiClient } from '../../apps/web/src/server/testing/api-client';
import { describeMachine } from '../common/machine';
import { median, seconds } from '../common/measure';
import { printTable } from '../common/print-table';
import { encodeWebmOpus, writeSpeechWav } from './speech-audio';
import { startApp } from '../common/start-app';

const chunkSec = 5; // what the web recorder sends
const minutes = (process.env.BENCH_STT_MINUTES ?? '1,10,30').split(',').map(Number);
if (minutes.some((value) => !(value > 0))) throw new Error('BENCH_STT_MINUTES: minutes, comma-separated');
const threads = availableParallelism();
const lag = 2; // chunks sent but not yet transcribed, at most, while the prefix is recorded

const scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-bench-live-'));
const database = await createTestDatabase({ prefix: 'healthcare_bench' });
const standIn = await startFakeOpenAiSttServer();
const common = {
  DATABASE_URL: database.appUrl,
  AUTH_JWT_PRIVATE_KEY: generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString(),
  AUTH_ACCESS_TOKEN_TTL_SECONDS: '3600',
  STORAGE_DIR: path.join(scratch, 'objects'),
  RUN_WORKER: 'true',
};
let stopApp: (() => Promise<void>) | undefined;
try {
  const modelFile = path.join(scratch, 'ggml-tiny-random.bin');
  await writeWhisperModel(modelFile, { size: 'tiny', endOfTextBias: true });
  const chunkWav = path.join(scratch, 'chunk.wav');
  const chunkPcm = await writeSpeechWav(chunkWav, chunkSec);
  const chunk = await encodeWebmOpus(chunkWav);

  // Recording: every chunk but the last, through the API, with the stand-in engine.
  let app = await startApp({
    ...common,
    STT_PROVIDER: 'openai',
    STT_BASE_URL: standIn.baseUrl,
    STT_API_KEY: 'bench',
  });
  stopApp = app.stop;
  let api = apiClient(app.baseUrl);
  const { token } = await signUpClinic(api, 'Bench');
  const patient = await call(api, 'POST', '/api/v1/patients', token, {
    name: 'Paciente Bench',
    birthDate: '1980-01-01',
    sex: 'female',
  });
  const recordings: { minutes: number; chunks: number; encounterId: string; recordedSec: number }[] = [];
  for (const length of minutes) {
    const chunks = Math.round((length * 60) / chunkSec);
    const recordingStarted = performance.now();
    const encounter = await createRecordableEncounter(api, token, patient.id);
    for (let seq = 0; seq < chunks - 1; seq += 1) {
      if (seq >= lag) await transcribedThrough(api, token, encounter.id, (seq - lag + 1) * chunkSec, 100);
      await putChunk(app.baseUrl, token, encounter.id, seq, chunk);
    }
    await transcribedThrough(api, token, encounter.id, (chunks - 1) * chunkSec, 100);
    recordings.push({
      minutes: length,
      chunks,
      encounterId: encounter.id,
      recordedSec: (performance.now() - recordingStarted) / 1000,
    });
  }
  await app.stop();

  // The stop, with the embedded engine in the app's worker; the floor, with the engine alone.
  app = await startApp({
    ...common,
    STT_PROVIDER: 'embedded',
    STT_MODEL_PATH: modelFile,
    STT_THREADS: String(threads),
  });
  stopApp = app.stop;
  api = apiClient(app.baseUrl);
  const direct = new Whisper(modelFile, { gpu: false });
  const floorOnce = () =>
    seconds(async () => {
      const task = await direct.transcribe(chunkPcm, {
        n_threads: threads,
        format: 'simple',
        language: 'pt',
      });
      const result: unknown = await task.result;
      if (!Array.isArray(result)) throw new Error(`whisper.cpp failed: ${String(result)}`);
    });
  // Loads both engines' models, so neither load is counted.
  await floorOnce();
  const warmUp = await createRecordableEncounter(api, token, patient.id);
  await stopAndWait(api, app.baseUrl, token, warmUp.id, 0, 1, chunk, 0);
  const floor = [await floorOnce(), await floorOnce()];

  const rows: string[][] = [];
  for (const recording of recordings) {
    floor.push(await floorOnce());
    const latency = await stopAndWait(
      api,
      app.baseUrl,
      token,
      recording.encounterId,
      recording.chunks - 1,
      recording.chunks,
      chunk,
      0.8 * median(floor),
    );
    const transcript = await call(
      api,
      'GET',
      `/api/v1/encounters/${recording.encounterId}/transcript`,
      token,
    );
    if (Math.abs(transcript.durationSec - recording.chunks * chunkSec) > 0.05 * recording.chunks)
      throw new Error(`${recording.minutes} min: the transcript covers ${transcript.durationSec} s`);
    rows.push([
      `stop → final, ${recording.minutes} min`,
      String(recording.chunks),
      String(transcript.segments.length),
      latency.toFixed(2),
    ]);
  }
  floor.push(await floorOnce());
  await direct.free();
  const baseline = median(floor);

  console.log(
    `bench/stt live: stop → final transcript, ${chunkSec} s WebM/Opus chunks, embedded whisper.cpp in the app's worker ` +
      `(tiny-shaped random model, ${threads} threads); earlier chunks by a stand-in engine through the same API`,
  );
  console.log(`machine: ${describeMachine()}\n`);
  printTable(
    ['case', 'chunks', 'segments', 'seconds', 'vs floor', 'above floor s'],
    [
      [
        `floor: 1 chunk, engine alone (median of ${floor.length})`,
        '1',
        '—',
        baseline.toFixed(2),
        '1.00',
        '—',
      ],
      ...rows.map((row) => [
        ...row,
        (Number(row[3]) / baseline).toFixed(2),
        (Number(row[3]) - baseline).toFixed(2),
      ]),
    ],
  );
  console.log(
    `\none stop per length; earlier chunks through the API with the stand-in engine: ${recordings
      .map((recording) => `${recording.chunks - 1} in ${recording.recordedSec.toFixed(0)} s`)
      .join(', ')}`,
  );
} finally {
  await stopApp?.();
  await standIn.close();
  await database.drop();
  await rm(scratch, { recursive: true, force: true });
}
process.exit(0);

/** A new encounter with the patient's recording consent, which every audio upload needs. */
async function createRecordableEncounter(api: ApiClient, token: string, patientId: string) {
  const encounter = await call(api, 'POST', '/api/v1/encounters', token, { patientId });
  await call(api, 'POST', `/api/v1/encounters/${encounter.id}/consent`, token, {
    wording: 'The patient agrees that this consultation is recorded (benchmark).',
  });
  return encounter;
}

async function call(api: ApiClient, method: string, route: string, token: string, body?: unknown) {
  const response = await api.call(method, route, { token, ...(body === undefined ? {} : { body }) });
  if (response.status >= 300)
    throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function putChunk(baseUrl: string, token: string, encounterId: string, seq: number, bytes: Buffer) {
  const response = await fetch(`${baseUrl}/api/v1/encounters/${encounterId}/audio/chunks/${seq}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'audio/webm' },
    body: new Uint8Array(bytes),
  });
  if (response.status !== 202) throw new Error(`chunk ${seq}: ${response.status} ${await response.text()}`);
}

/** Waits until the transcript reaches `untilSec` of the recording (the stand-in covers each chunk to its end). */
async function transcribedThrough(
  api: ApiClient,
  token: string,
  encounterId: string,
  untilSec: number,
  pollMs: number,
) {
  for (;;) {
    const transcript = await call(api, 'GET', `/api/v1/encounters/${encounterId}/transcript`, token);
    const reached = Math.max(0, ...transcript.segments.map((segment: { end: number }) => segment.end));
    if (reached >= untilSec - 1) return;
    await failIfFailed(api, token, encounterId);
    await sleep(pollMs);
  }
}

/**
 * Sends the last chunk and completes the recording, then polls until the transcript is final.
 * The first poll waits most of an engine run, so polling does not compete with the work it waits for.
 */
async function stopAndWait(
  api: ApiClient,
  baseUrl: string,
  token: string,
  encounterId: string,
  lastSeq: number,
  chunkCount: number,
  bytes: Buffer,
  quietSec: number,
): Promise<number> {
  const started = performance.now();
  await putChunk(baseUrl, token, encounterId, lastSeq, bytes);
  await call(api, 'POST', `/api/v1/encounters/${encounterId}/audio/complete`, token, { chunkCount });
  await sleep(quietSec * 1000);
  for (;;) {
    const transcript = await call(api, 'GET', `/api/v1/encounters/${encounterId}/transcript`, token);
    if (transcript.status === 'complete') return (performance.now() - started) / 1000;
    await failIfFailed(api, token, encounterId);
    await sleep(25);
  }
}

async function failIfFailed(api: ApiClient, token: string, encounterId: string) {
  const encounter = await call(api, 'GET', `/api/v1/encounters/${encounterId}`, token);
  if (encounter.status === 'failed') throw new Error(`the encounter failed: ${encounter.failureReason}`);
}
