import { fork } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeOpenAiSttServer } from '@healthcare/ai/testing/fake-openai-stt-server';
import { generateTone } from '@healthcare/core/media/testing/audio-fixtures';
import { createTestDatabase, type TestDatabase } from '@healthcare/core/testing/test-database';
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
  database = await createTestDatabase({ prefix: 'healthcare_cluster' });
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-worker-'));
  chunk = await readFile(await generateTone(scratch, 'chunk.webm', ['-c:a', 'libopus'], 1));
}, 60_000);
afterAll(async () => {
  await stt.close();
  await rm(scratch, { recursive: true, force: true });
  await database.drop();
});

// The web side of a cluster: it takes uploads and enqueues jobs but works none itself.
const environment = () => ({
  DATABASE_URL: database.appUrl,
  AUTH_JWT_PRIVATE_KEY: privateKey,
  STORAGE_DIR: path.join(scratch, 'objects'),
  STT_PROVIDER: 'openai',
  STT_BASE_URL: stt.baseUrl,
});
const { api, testApp } = useTestApp(() => ({ ...environment(), RUN_WORKER: 'false' }));

describe('apps/worker (cluster mode)', () => {
  it('should work the jobs the web replicas enqueue, from a separate process', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio/chunks/0`, token, chunk);
    expect((await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body.segments).toEqual([]);

    const worker = fork(fileURLToPath(new URL('./main.ts', import.meta.url)), {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...environment(), LOG_LEVEL: 'warn' },
    });
    try {
      await vi.waitFor(
        async () =>
          expect(
            (await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body.segments,
          ).toHaveLength(1),
        { timeout: 30_000, interval: 250 },
      );
    } finally {
      worker.kill('SIGTERM');
      await new Promise((resolve) => worker.once('exit', resolve));
    }
    expect(worker.exitCode).toBe(0);
  });
});
