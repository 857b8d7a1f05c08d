import { execFile } from 'node:child_process';
import { chmod, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerNoteFromTranscript } from '@healthcare/ai/testing/answer-note-from-transcript';
import { startFakeOpenAiChatServer } from '@healthcare/ai/testing/fake-llm-servers';
import { startFakeOpenAiSttServer } from '@healthcare/ai/testing/fake-openai-stt-server';
import { withDatabase } from '@healthcare/core/backup/postgres-server';
import { loadConfig } from '@healthcare/core/config/load-config';
import { generateTone } from '@healthcare/core/media/testing/audio-fixtures';
import { createLogger } from '@healthcare/core/logging/create-logger';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createAppContext } from '../boot/app-context';
import { prepareDatabase } from '../boot/prepare-database';
import { startServer } from '../boot/start-server';
import { apiClient, signUpClinic } from '../testing/api-client';
import { createEncounter, putBytes } from '../testing/clinic-fixtures';
import { queryOnce } from '../testing/query-once';
import { hashFile, listFiles } from './copy-object-files';
import { openEmbeddedDatabase } from './open-embedded-database';
import { createEmbeddedBackup } from './create-embedded-backup';
import { restoreEmbeddedBackup } from './restore-embedded-backup';

let root: string;
const logger = createLogger({ level: 'silent' });
let baseUrl = '';
const api = apiClient(() => baseUrl);

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'healthcare-embedded-backup-'));
  // As root, PostgreSQL runs as the "postgres" system user, which must be able to reach the directory.
  await chmod(root, 0o755);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const environment = (dataDir = 'data'): Record<string, string> => ({
  DATA_DIR: path.join(root, dataDir),
  LOG_LEVEL: 'silent',
  STT_PROVIDER: 'none',
  LLM_PROVIDER: 'none',
});
const config = (dataDir = 'data') => loadConfig(environment(dataDir));

/** The app in the embedded mode, as `npm start` runs it, on a free port. */
async function startApp(appConfig = config()) {
  const database = await prepareDatabase(appConfig, logger);
  const app = await createAppContext(appConfig, logger, database.appUrl);
  const server = await startServer(app, { host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await app.close();
    await database.stop();
  };
}

async function upload(token: string, patientId: string, text: string) {
  const response = await fetch(`${baseUrl}/api/v1/patients/${patientId}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-filename': 'resultado.txt' },
    body: text,
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function download(token: string, documentId: string) {
  const response = await fetch(`${baseUrl}/api/v1/documents/${documentId}/content`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, text: await response.text() };
}

async function objectTree(dir: string) {
  const files = await listFiles(dir);
  return Promise.all(files.map(async (key) => ({ key, ...(await hashFile(path.join(dir, key))) })));
}

it('npm run backup and npm run restore round-trip the embedded database and the uploaded files', async () => {
  let stopApp = await startApp();
  const objectsDir = path.join(root, 'data', 'objects');
  const clinic = await signUpClinic(api, 'Embedded');
  const patient = await api.post(
    '/api/v1/patients',
    { name: 'Maria Backup', birthDate: '1970-07-07', sex: 'female' },
    clinic.token,
  );
  expect(patient.status).toBe(201);
  const kept = await upload(clinic.token, patient.body.id, 'Hemoglobina: 13,5 g/dL\n');
  const patientsBefore = (await api.get('/api/v1/patients', clinic.token)).body.items;
  const filesBefore = await objectTree(objectsDir);
  expect(filesBefore.length).toBeGreaterThan(0);

  // Taken while the app runs, as an operator would.
  const { dir, manifest } = await createEmbeddedBackup(config(), logger, path.join(root, 'backups'));
  expect(manifest.objects?.map((file) => file.key)).toEqual(filesBefore.map((file) => file.key));

  // After the backup: another patient and document, and a damaged file.
  const later = await api.post(
    '/api/v1/patients',
    { name: 'Depois do Backup', birthDate: '1990-01-01', sex: 'male' },
    clinic.token,
  );
  await upload(clinic.token, later.body.id, 'Glicose: 92 mg/dL\n');
  const keptFile = filesBefore.find((file) => !file.key.endsWith('~meta.json'))!;
  await writeFile(path.join(objectsDir, keptFile.key), 'overwritten');
  await expect(restoreEmbeddedBackup(config(), logger, dir)).rejects.toThrow(/app is running/);
  await stopApp();

  const summary = await restoreEmbeddedBackup(config(), logger, dir);
  expect(summary.objects).toBe(filesBefore.length);
  expect(await objectTree(objectsDir)).toEqual(filesBefore);

  stopApp = await startApp();
  try {
    const session = await api.post('/api/v1/auth/login', {
      email: clinic.email,
      password: 'correct horse battery staple',
    });
    expect(session.status).toBe(200);
    const token = session.body.accessToken as string;
    expect((await api.get('/api/v1/patients', token)).body.items).toEqual(patientsBefore);
    expect(await download(token, kept)).toEqual({ status: 200, text: 'Hemoglobina: 13,5 g/dL\n' });
    // The app still writes after a restore (sequences and roles intact).
    const after = await api.post(
      '/api/v1/patients',
      { name: 'Após Restauração', birthDate: '2000-01-01', sex: 'female' },
      token,
    );
    expect(after.status).toBe(201);
  } finally {
    await stopApp();
  }
  expect(JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')).format).toBe(
    'healthcare-embedded-backup',
  );

  // Onto a new machine: no data directory yet. The restore checks every table against the backup.
  const fresh = await restoreEmbeddedBackup(config('new-machine'), logger, dir);
  expect(fresh).toMatchObject({ tables: summary.tables, rows: summary.rows, previousObjectsDir: undefined });
  expect(await objectTree(path.join(root, 'new-machine', 'objects'))).toEqual(filesBefore);

  // A backup whose stored file was altered is refused before anything is replaced.
  const damaged = path.join(root, 'damaged-backup');
  await cp(dir, damaged, { recursive: true });
  await writeFile(path.join(damaged, 'objects', keptFile.key), 'altered');
  await expect(restoreEmbeddedBackup(config(), logger, damaged)).rejects.toThrow(/backup is damaged/);
  expect(await objectTree(objectsDir)).toEqual(filesBefore);
}, 240_000);

const repositoryRoot = fileURLToPath(new URL('../../../../..', import.meta.url));

/** `npm run <script> -- args` as an operator types it, with the embedded app's environment only. */
function npmRun(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', script, '--', ...args],
      {
        cwd: repositoryRoot,
        encoding: 'utf8',
        env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          output: stdout + stderr,
        }),
    );
  });
}

it('encounters caught mid-pipeline by the backup carry on after npm run restore, or fail with a reason', async () => {
  const stt = await startFakeOpenAiSttServer();
  const llm = await startFakeOpenAiChatServer({ defaultAnswer: answerNoteFromTranscript });
  const chunk = await readFile(await generateTone(root, 'chunk.webm', ['-c:a', 'libopus'], 1));
  const pipelineEnv = (runWorker: 'true' | 'false') => ({
    ...environment('pipeline'),
    RUN_WORKER: runWorker,
    STT_PROVIDER: 'openai',
    STT_BASE_URL: stt.baseUrl,
    STT_API_KEY: 'sk-test',
    LLM_PROVIDER: 'openai',
    LLM_BASE_URL: llm.baseUrl,
    LLM_API_KEY: 'sk-test',
  });
  try {
    // No worker: the jobs wait in the queue, as they do for a moment in every running app.
    let stopApp = await startApp(loadConfig(pipelineEnv('false')));
    const clinic = await signUpClinic(api, 'Pipeline');
    const patient = await api.post(
      '/api/v1/patients',
      { name: 'Paciente Em Curso', birthDate: '1965-05-05', sex: 'male' },
      clinic.token,
    );
    const put = (encounterId: string, suffix: string) =>
      putBytes(baseUrl, `/api/v1/encounters/${encounterId}${suffix}`, clinic.token, chunk);
    const uploaded = await createEncounter(api, clinic.token, patient.body.id);
    expect((await put(uploaded, '/audio')).status).toBe(202);
    const live = await createEncounter(api, clinic.token, patient.body.id);
    expect((await put(live, '/audio/chunks/0')).status).toBe(202);
    const audioGone = await createEncounter(api, clinic.token, patient.body.id);
    expect((await put(audioGone, '/audio')).status).toBe(202);
    const statusOf = async (encounterId: string) =>
      (await api.get(`/api/v1/encounters/${encounterId}`, clinic.token)).body;
    expect((await statusOf(uploaded)).status).toBe('transcribing');
    expect((await statusOf(live)).status).toBe('recording');
    // The retention job deleted this one's audio before it was transcribed: it cannot go on.
    const owner = await openEmbeddedDatabase(loadConfig(pipelineEnv('false')), logger);
    await queryOnce(
      withDatabase(owner.serverUrl, 'healthcare'),
      'update encounters set audio_deleted_at = now() where id = $1',
      [audioGone],
    );

    const backup = await npmRun(
      'backup',
      ['--output', path.join(root, 'pipeline-backups')],
      pipelineEnv('false'),
    );
    expect(backup.output).toMatch(/Backup written to /);
    expect(backup.code).toBe(0);
    const backupDir = /Backup written to (.+?): /.exec(backup.output)![1]!;
    await stopApp();

    const restored = await npmRun('restore', [backupDir], pipelineEnv('true'));
    expect(restored.output).toMatch(
      /2 encounters in progress will carry on when the app starts; 1 could not be resumed/,
    );
    expect(restored.code).toBe(0);

    stopApp = await startApp(loadConfig(pipelineEnv('true')));
    try {
      const waitFor = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 60_000, interval: 200 });
      await waitFor(async () => expect((await statusOf(uploaded)).status).toBe('ready'));
      await waitFor(async () => {
        const transcript = (await api.get(`/api/v1/encounters/${live}/transcript`, clinic.token)).body;
        expect(transcript.segments).toHaveLength(1);
      });
      // The clinician finishes the recording the restore interrupted.
      expect((await put(live, '/audio/chunks/1')).status).toBe(202);
      const completed = await api.post(
        `/api/v1/encounters/${live}/audio/complete`,
        { chunkCount: 2 },
        clinic.token,
      );
      expect(completed.status).toBe(202);
      await waitFor(async () => expect((await statusOf(live)).status).toBe('ready'));
      expect((await api.get(`/api/v1/encounters/${live}/note`, clinic.token)).status).toBe(200);
      expect(await statusOf(audioGone)).toMatchObject({
        status: 'failed',
        failureReason: expect.stringMatching(/interrupted by a restore from backup/),
      });
    } finally {
      await stopApp();
    }
  } finally {
    await stt.close();
    await llm.close();
  }
}, 240_000);
