import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateTone } from '@healthcare/core/media/testing/audio-fixtures';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiClient, signUpClinic, strongPassword, type ApiClient } from '../testing/api-client';
import { clinicWithPatient, createEncounter, putBytes } from '../testing/clinic-fixtures';
import { openEventStream } from '../testing/read-event-stream';
import { startTestApp, type TestApp } from '../testing/start-test-app';
import { freePort } from '@healthcare/core/net/free-port';

const waitFor = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 20_000, interval: 100 });

/** A Redis of this file's own (the shared one on 6379 serves every other test), killed and restarted at will. */
async function startRedis(port: number, dir: string) {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (data: Buffer) => {
      output += data.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
  return child;
}

async function kill(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** Alternates between the replicas, so that a budget holds only if they share it. */
async function spendAcross(replicas: ApiClient[], token: string, requests: number) {
  const statuses = [];
  for (let request = 0; request < requests; request += 1) {
    statuses.push((await replicas[request % replicas.length]!.get('/api/v1/me', token)).status);
  }
  return statuses;
}

describe('Redis stopped under two replicas', () => {
  const replicas: TestApp[] = [];
  let redis: ChildProcess;
  let port: number;
  let scratch: string;
  let chunk: Buffer;
  const clients = () => replicas.map((replica) => apiClient(replica.baseUrl));

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-redis-outage-'));
    chunk = await readFile(await generateTone(scratch, 'chunk.webm', ['-c:a', 'libopus'], 1));
    port = await freePort();
    redis = await startRedis(port, scratch);
    // Replicas share the signing key, as in a real deployment.
    const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    for (let replica = 0; replica < 2; replica += 1) {
      replicas.push(
        await startTestApp({
          REDIS_URL: `redis://127.0.0.1:${port}`,
          AUTH_JWT_PRIVATE_KEY: key,
          RATE_LIMIT_USER_PER_MINUTE: '6',
          AUTH_LOGIN_MAX_FAILURES: '2',
        }),
      );
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    if (redis) await kill(redis);
    await rm(scratch, { recursive: true, force: true });
  });

  it('should keep serving without Redis, degraded, and use it again once it is back', async () => {
    const [first, second] = clients() as [ApiClient, ApiClient];
    // With Redis up the user budget is shared: 6 requests over both replicas, then 429.
    const before = await signUpClinic(first);
    expect(await spendAcross([first, second], before.token, 7)).toEqual([200, 200, 200, 200, 200, 200, 429]);

    const { token, patientId, email } = await clinicWithPatient(second);
    const encounterId = await createEncounter(second, token, patientId);
    for (const api of [first, second]) {
      const ready = await api.get('/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body.components.redis.status).toBe('up');
    }

    await kill(redis);

    for (const api of [first, second]) {
      const ready = await waitFor(async () => {
        const response = await api.get('/readyz');
        expect(response.body.components.redis.status).toBe('down');
        return response;
      });
      expect(ready.status).toBe(200);
      expect(ready.body.status).toBe('degraded');
      expect(ready.body.components.database.status).toBe('up');
    }

    // Patients CRUD and encounter reads, on both replicas.
    const created = await first.post(
      '/api/v1/patients',
      { name: 'Paciente Sem Redis', birthDate: '1975-05-05', sex: 'male' },
      token,
    );
    expect(created.status).toBe(201);
    const patientPath = `/api/v1/patients/${created.body.id}`;
    expect((await second.get(patientPath, token)).body.name).toBe('Paciente Sem Redis');
    expect((await second.patch(patientPath, { name: 'Paciente Renomeado' }, token)).status).toBe(200);
    expect((await first.get(patientPath, token)).body.name).toBe('Paciente Renomeado');
    expect((await first.get('/api/v1/patients', token)).status).toBe(200);
    expect((await second.delete(patientPath, token)).status).toBeLessThan(300);
    expect((await first.get(`/api/v1/encounters/${encounterId}`, token)).status).toBe(200);
    expect((await second.get(`/api/v1/encounters/${encounterId}/transcript`, token)).status).toBe(200);

    // The live stream falls back to this replica's own bus (and its polling): a change made
    // through the same replica still reaches it.
    const stream = await openEventStream(
      `${replicas[0]!.baseUrl}/api/v1/encounters/${encounterId}/events`,
      token,
    );
    expect(stream.status).toBe(200);
    const uploaded = await putBytes(
      replicas[0]!.baseUrl,
      `/api/v1/encounters/${encounterId}/audio/chunks/0`,
      token,
      chunk,
    );
    expect(uploaded.status).toBeLessThan(300);
    await waitFor(async () =>
      expect(stream.events).toContainEqual(
        expect.objectContaining({ type: 'status', data: expect.objectContaining({ status: 'recording' }) }),
      ),
    );
    await stream.close();

    // The Redis limiter fails open, as documented: no budget is enforced, nothing fails.
    const unlimited = await spendAcross([first, second], token, 10);
    expect(unlimited).toEqual(Array(10).fill(200));
    // Failed sign-ins are answered 401 (never 500), and the lockout they would earn is not
    // enforced while it cannot be counted: the right password still signs in.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(
        (await second.post('/api/v1/auth/login', { email, password: 'wrong password 123' })).status,
      ).toBe(401);
    }
    expect((await first.post('/api/v1/auth/login', { email, password: strongPassword })).status).toBe(200);

    redis = await startRedis(port, scratch);
    for (const api of [first, second]) {
      await waitFor(async () => {
        const response = await api.get('/readyz');
        expect(response.body.components.redis.status).toBe('up');
        expect(response.body.status).toBe('ready');
      });
    }
    // Both replicas count in the restarted Redis again: one shared budget.
    const after = await signUpClinic(second);
    expect(await spendAcross([first, second], after.token, 7)).toEqual([200, 200, 200, 200, 200, 200, 429]);
    // And the lockout is enforced again, across replicas.
    for (const api of [first, second]) {
      expect(
        (await api.post('/api/v1/auth/login', { email: after.email, password: 'wrong password 123' })).status,
      ).toBe(401);
    }
    expect(
      (await first.post('/api/v1/auth/login', { email: after.email, password: strongPassword })).status,
    ).toBe(429);
  }, 90_000);
});
