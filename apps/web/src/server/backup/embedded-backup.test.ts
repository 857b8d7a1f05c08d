import { chmod, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@healthcare/core/config/load-config';
import { createLogger } from '@healthcare/core/logging/create-logger';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAppContext } from '../boot/app-context';
import { prepareDatabase } from '../boot/prepare-database';
import { startServer } from '../boot/start-server';
import { apiClient, signUpClinic } from '../testing/api-client';
import { hashFile, listFiles } from './copy-object-files';
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

const config = (dataDir = 'data') =>
  loadConfig({
    DATA_DIR: path.join(root, dataDir),
    LOG_LEVEL: 'silent',
    STT_PROVIDER: 'none',
    LLM_PROVIDER: 'none',
  });

/** The app in the embedded mode, as `npm start` runs it, on a free port. */
async function startApp() {
  const appConfig = config();
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
