import { fork, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeOpenAiSttServer } from '@healthcare/ai/testing/fake-openai-stt-server';
import { jobQueues, jobSchema } from '@healthcare/core/jobs/job-queues';
import { generateTone } from '@healthcare/core/media/testing/audio-fixtures';
import { createTestDatabase, type TestDatabase } from '@healthcare/core/testing/test-database';
import PgBoss from 'pg-boss';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clinicWithPatient, createEncounter, putBytes } from '../../web/src/server/testing/clinic-fixtures';
import { useTestApp } from '../../web/src/server/testing/start-test-app';

let stt: Awaited<ReturnType<typeof startFakeOpenAiSttServer>>;
let database: TestDatabase;
let scratch: string;
let chunk: Buffer;
const privateKey = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

beforeAll(async () => {
  stt = await startFakeOpenAiSttServer();
  database = await createTestDatabase({ prefix: 'healthcare_crash' });
  // The production expiry (minutes) is the crash-recovery bound; the test shortens it so that a
  // killed worker's job comes back within seconds. Nothing else about the queue changes.
  const owner = new PgBoss({
    connectionString: database.ownerUrl,
    schema: jobSchema,
    migrate: false,
    supervise: false,
    schedule: false,
  });
  owner.on('error', () => undefined);
  await owner.start();
  await owner.updateQueue(jobQueues.transcribeChunk.name, {
    ...jobQueues.transcribeChunk,
    expireInSeconds: 2,
    retryDelay: 1,
  });
  await owner.stop({ graceful: false, wait: true });
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-crash-'));
  chunk = await readFile(await generateTone(scratch, 'chunk.webm', ['-c:a', 'libopus'], 3));
}, 60_000);
afterAll(async () => {
  await stt.close();
  await rm(scratch, { recursive: true, force: true });
  await database.drop();
});

const environment = () => ({
  DATABASE_URL: database.appUrl,
  AUTH_JWT_PRIVATE_KEY: privateKey,
  STORAGE_DIR: path.join(scratch, 'objects'),
  STT_PROVIDER: 'openai',
  STT_BASE_URL: stt.baseUrl,
  JOB_MAINTENANCE_INTERVAL_SECONDS: '1',
});
const { api, testApp } = useTestApp(() => ({ ...environment(), RUN_WORKER: 'false' }));

function startWorker(): ChildProcess {
  return fork(fileURLToPath(new URL('./main.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...environment(), LOG_LEVEL: 'fatal' },
  });
}

describe('a worker killed mid-transcription', () => {
  it('should have its job retried by another worker, and the transcript stored exactly once', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    // The first call to speech-to-text hangs: that is where the worker will die.
    stt.enqueue({ kind: 'slow', delayMs: 20_000 });
    await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio/chunks/0`, token, chunk);

    const doomed = startWorker();
    await vi.waitFor(() => expect(stt.requests).toHaveLength(1), { timeout: 30_000, interval: 100 });
    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed.once('exit', resolve));

    const survivor = startWorker();
    try {
      const transcript = await vi.waitFor(
        async () => {
          const current = (await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body;
          expect(current.segments.length).toBeGreaterThan(0);
          return current;
        },
        { timeout: 60_000, interval: 250 },
      );
      expect(
        transcript.segments.map((segment: { start: number; text: string }) => [segment.start, segment.text]),
      ).toEqual([
        [0, 'segment 0'],
        [2, 'segment 1'],
      ]);
      expect(stt.requests.length).toBeGreaterThanOrEqual(2);
      // Exactly once in the database too: one row per segment, not one per attempt.
      const client = new pg.Client(database.ownerUrl);
      await client.connect();
      const rows = await client.query(
        'select count(*)::int as count from transcript_segments where encounter_id = $1',
        [encounterId],
      );
      await client.end();
      expect(rows.rows[0].count).toBe(2);
    } finally {
      survivor.kill('SIGTERM');
      await new Promise((resolve) => survivor.once('exit', resolve));
    }
  });
});
