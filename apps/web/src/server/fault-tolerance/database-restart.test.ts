import { queryOnce } from '../testing/query-once';
import { withDatabase } from '@healthcare/core/backup/postgres-server';
import { appRoleUrl, migrateDatabase } from '@healthcare/core/db/migrate-database';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, signUpClinic, type ApiResult } from '../testing/api-client';
import { startTestApp, type TestApp } from '../testing/start-test-app';
import { startOwnedPostgresCluster, type OwnedPostgresCluster } from '../testing/owned-postgres-cluster';

let cluster: OwnedPostgresCluster;
let testApp: TestApp;
let ownerUrl: string;
const api = apiClient(() => testApp.baseUrl);

beforeAll(async () => {
  cluster = await startOwnedPostgresCluster();
  await queryOnce(cluster.url, 'create database healthcare');
  ownerUrl = withDatabase(cluster.url, 'healthcare');
  await migrateDatabase(ownerUrl);
  testApp = await startTestApp({
    DATABASE_URL: appRoleUrl(ownerUrl),
    // The load below is one user from one address; the limits are not what is under test.
    RATE_LIMIT_IP_PER_MINUTE: '100000',
    RATE_LIMIT_USER_PER_MINUTE: '100000',
    RATE_LIMIT_CLINIC_PER_MINUTE: '100000',
  });
}, 120_000);

afterAll(async () => {
  await testApp?.close();
  await cluster?.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function expectUnavailableProblem(response: ApiResult) {
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(response.body).toMatchObject({ status: 503, type: expect.stringMatching(/unavailable$/) });
}

it('answers 503 while PostgreSQL restarts, recovers by itself and loses no acknowledged write', async () => {
  const clinic = await signUpClinic(api, 'Restart');
  const clinicId = clinic.session.clinic.id as string;
  const acknowledged: string[] = [];
  const statuses = new Map<number, number>();
  const unexpected: ApiResult[] = [];
  let running = true;
  let sequence = 0;

  const note = (response: ApiResult) => {
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (response.status === 503) {
      if (!/^application\/problem\+json/.test(response.headers.get('content-type') ?? ''))
        unexpected.push(response);
    } else if (response.status >= 400) {
      unexpected.push(response);
    }
  };
  const writer = async () => {
    while (running) {
      sequence += 1;
      const response = await api.post(
        '/api/v1/patients',
        { name: `Paciente Carga ${sequence}`, birthDate: '1975-06-07', sex: 'male' },
        clinic.token,
      );
      note(response);
      if (response.status === 201) acknowledged.push(response.body.id as string);
      await pause(25);
    }
  };
  const reader = async () => {
    while (running) {
      note(await api.get('/api/v1/patients', clinic.token));
      await pause(25);
    }
  };
  const clients = [writer(), writer(), writer(), reader(), reader()];

  const waitForWrites = async (count: number) => {
    while (acknowledged.length < count) await pause(20);
  };
  await waitForWrites(15);

  await cluster.stop();
  // While the server is down, a request is answered (not left hanging) with a problem that says
  // to come back later, for writes and reads alike.
  expectUnavailableProblem(
    await api.post(
      '/api/v1/patients',
      { name: 'Paciente Durante Queda', birthDate: '1975-06-07', sex: 'male' },
      clinic.token,
    ),
  );
  expectUnavailableProblem(await api.get('/api/v1/patients', clinic.token));
  await pause(2_000);
  await cluster.start();

  // Recovery is the pool's own doing: the app was not restarted. The bound is the deadline.
  const restartedAt = Date.now();
  for (;;) {
    const response = await api.get('/api/v1/patients', clinic.token);
    if (response.status === 200) break;
    if (Date.now() - restartedAt > 10_000)
      throw new Error(`not recovered 10 s after the restart: last answer ${response.status}`);
    await pause(100);
  }
  const beforeMore = acknowledged.length;
  await waitForWrites(beforeMore + 15);
  running = false;
  await Promise.all(clients);

  expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
  expect(unexpected.map(({ status, body }) => ({ status, body }))).toEqual([]);
  const rows = await queryOnce(ownerUrl, 'select id from patients where clinic_id = $1', [clinicId]);
  const stored = new Set(rows.map((row: { id: string }) => row.id));
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  expect(new Set(acknowledged).size).toBe(acknowledged.length);

  // Every connection caught by the restart went back to the pool or was discarded: none leaked,
  // so the next restart finds the pool as large as this one did.
  const pool = testApp.app.pool;
  for (const deadline = Date.now() + 5_000; pool.totalCount - pool.idleCount > 0;) {
    if (Date.now() > deadline)
      throw new Error(`${pool.totalCount - pool.idleCount} connections still checked out`);
    await pause(50);
  }
}, 60_000);
