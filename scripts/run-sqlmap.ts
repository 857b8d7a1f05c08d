/**
 * SQL-injection probe: Debian's sqlmap (non-interactive) against the API with a signed-in
 * clinician's token, over patient search, ids in paths and JSON bodies, each target twice:
 * through the project's NGINX edge (ModSecurity + CRS) and straight at the API, so the WAF
 * cannot hide an injectable query. Prints one line per target and exits 1 if sqlmap found an
 * injection point. It takes minutes, so it is a script (scripts/run-sqlmap.sh), not a test.
 * Needs: sqlmap, nginx with ModSecurity and the CRS, openssl, PostgreSQL (TEST_POSTGRES_URL).
 */
import { execFile, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '@healthcare/core/config/load-config';
import { createAppLogger } from '@healthcare/core/logging/create-app-logger';
import { createTestDatabase } from '@healthcare/core/testing/test-database';
import { createAppContext } from '../apps/web/src/server/boot/app-context';
import { startServer } from '../apps/web/src/server/boot/start-server';
import { startNginxEdge, type NginxEdge } from './start-nginx-edge';

const run = promisify(execFile);

interface Target {
  name: string;
  method: string;
  /** Path and query; `*` marks a path segment for sqlmap to inject into. */
  path: string;
  body?: unknown;
}

async function api<T>(base: string, method: string, target: string, token?: string, body?: unknown) {
  const response = await fetch(`${base}${target}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${target}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Runs sqlmap on one target; its verdict comes from sqlmap's own closing lines. */
async function sqlmap(baseUrl: string, target: Target, token: string, outputDir: string) {
  const args = [
    '-u',
    `${baseUrl}${target.path}`,
    '--method',
    target.method,
    '-H',
    `Authorization: Bearer ${token}`,
    '--batch',
    '--flush-session',
    '--level=2',
    '--risk=1',
    '--threads=4',
    '--time-sec=2',
    '--output-dir',
    outputDir,
  ];
  if (target.body !== undefined)
    args.push('--data', JSON.stringify(target.body), '-H', 'Content-Type: application/json');
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('sqlmap', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', () => resolve(text));
  });
  if (/identified the following injection point|is vulnerable/i.test(output)) return 'INJECTABLE';
  if (/all tested parameters do not appear to be injectable|do not appear to be injectable/i.test(output))
    return 'no injectable parameter';
  return `inconclusive: ${output.trim().split('\n').slice(-3).join(' | ')}`;
}

const scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-sqlmap-'));
const database = await createTestDatabase({ prefix: 'healthcare_sqlmap' });
const signingKey = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const config = loadConfig({
  DATABASE_URL: database.appUrl,
  AUTH_JWT_PRIVATE_KEY: signingKey,
  PUBLIC_URL: 'https://localhost',
  TRUST_PROXY_HOPS: '1',
  LOG_LEVEL: 'silent',
  STORAGE_DIR: path.join(scratch, 'objects'),
});
const { logger } = createAppLogger(config);
const app = await createAppContext(config, logger, database.appUrl);
const server = await startServer(app, { host: '127.0.0.1', port: 0 });
const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
let nginx: NginxEdge | undefined;
let injectable = false;

try {
  // sqlmap sends hundreds of requests a minute: production limits would answer 429 instead.
  nginx = await startNginxEdge({
    upstreams: [new URL(apiUrl).host],
    ratePerSecond: 500,
    rateBurst: 1000,
    authRatePerMinute: 60,
  });
  const edgeUrl = nginx.baseUrl;

  const session = await api<{ accessToken: string }>(apiUrl, 'POST', '/api/v1/auth/signup', undefined, {
    clinicName: 'Clínica Probe',
    name: 'Dra. Probe',
    email: `probe-${Date.now()}@example.org`,
    password: 'correct horse battery staple',
  });
  const token = session.accessToken;
  const patient = {
    name: 'Maria da Silva',
    birthDate: '1980-05-17',
    sex: 'female',
    phone: '+55 11 98765-4321',
  };
  const { id } = await api<{ id: string }>(apiUrl, 'POST', '/api/v1/patients', token, patient);

  const targets: Target[] = [
    { name: 'patient search (q, limit)', method: 'GET', path: '/api/v1/patients?q=Maria&limit=10' },
    { name: 'patient id in the path', method: 'GET', path: `/api/v1/patients/${id}*` },
    { name: 'patient encounters by id', method: 'GET', path: `/api/v1/patients/${id}*/encounters` },
    { name: 'new patient (JSON body)', method: 'POST', path: '/api/v1/patients', body: patient },
    {
      name: 'patient update (JSON body)',
      method: 'PATCH',
      path: `/api/v1/patients/${id}`,
      body: { name: 'Maria S.' },
    },
    {
      name: 'new encounter (JSON body)',
      method: 'POST',
      path: '/api/v1/encounters',
      body: { patientId: id, language: 'pt-BR', template: 'soap' },
    },
  ];
  console.log(`sqlmap ${(await run('sqlmap', ['--version'])).stdout.trim()}`);
  for (const [via, base] of [
    ['edge', edgeUrl],
    ['api', apiUrl],
  ] as const) {
    for (const target of targets) {
      const started = Date.now();
      const verdict = await sqlmap(base, target, token, path.join(scratch, 'sqlmap'));
      if (verdict === 'INJECTABLE') injectable = true;
      console.log(
        `${via.padEnd(4)} ${target.name.padEnd(28)} ${verdict} (${Math.round((Date.now() - started) / 1000)} s)`,
      );
    }
  }
  console.log(injectable ? 'RESULT: an injectable parameter was found' : 'RESULT: no injectable parameter');
} finally {
  await nginx?.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await database.drop();
  await rm(scratch, { recursive: true, force: true });
}
process.exit(injectable ? 1 : 0);
