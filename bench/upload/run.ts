/**
 * bench/upload: streams one large recording through `PUT /encounters/{id}/audio` to each storage
 * driver and prints throughput and the server's peak RSS growth, beside a raw copy of the same
 * bytes to local disk measured in the same run. Not a test: run with `npm run bench:upload`.
 * BENCH_UPLOAD_BYTES sets the size (default 1 GiB).
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { startS3rver } from '@healthcare/core/testing/start-s3rver';
import { createTestDatabase } from '@healthcare/core/testing/test-database';
import { describeMachine } from '../common/machine';
import { printTable } from '../common/print-table';
import { startApp } from '../common/start-app';
import { wavStream } from './wav-stream';

const totalBytes = Number(process.env.BENCH_UPLOAD_BYTES ?? 1024 ** 3);
const mib = (bytes: number) => bytes / 1024 / 1024;

async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

async function rawCopyBaseline(scratch: string) {
  const started = performance.now();
  await pipeline(wavStream(totalBytes), createWriteStream(path.join(scratch, 'baseline.wav')));
  return (performance.now() - started) / 1000;
}

/** A new encounter with the patient's recording consent, which every audio upload needs. */
async function createRecordableEncounter(baseUrl: string, patientId: string, token: string) {
  const encounter = await json(baseUrl, 'POST', '/api/v1/encounters', { patientId }, token);
  await json(
    baseUrl,
    'POST',
    `/api/v1/encounters/${encounter.id}/consent`,
    { wording: consentWording },
    token,
  );
  return encounter;
}

const consentWording = 'The patient agrees that this consultation is recorded (benchmark).';

async function json(baseUrl: string, method: string, route: string, body: unknown, token?: string) {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<any>;
}

function putRecording(url: string, token: string, bytes: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const upload = request(url, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'audio/wav',
        'content-length': String(bytes),
      },
    });
    upload.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    upload.on('error', reject);
    wavStream(bytes).pipe(upload);
  });
}

async function uploadThroughApi(driver: string, environment: Record<string, string>) {
  const { pid, baseUrl, stop } = await startApp(environment);
  try {
    const session = await json(baseUrl, 'POST', '/api/v1/auth/signup', {
      clinicName: `Bench ${driver}`,
      name: 'Bench',
      email: `bench-${randomUUID()}@example.test`,
      password: 'benchmark password',
    });
    const token = session.accessToken as string;
    const patient = await json(
      baseUrl,
      'POST',
      '/api/v1/patients',
      { name: 'Bench', birthDate: '1980-01-01', sex: 'other' },
      token,
    );
    // A small upload first: loading the storage SDK is a one-time cost, not memory an upload holds.
    const warmUp = await createRecordableEncounter(baseUrl, patient.id, token);
    await putRecording(`${baseUrl}/api/v1/encounters/${warmUp.id}/audio`, token, 8 * 1024 * 1024);
    const encounter = await createRecordableEncounter(baseUrl, patient.id, token);

    const rssBefore = await rssBytes(pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      void rssBytes(pid).then(
        (rss) => (rssPeak = Math.max(rssPeak, rss)),
        () => undefined,
      );
    }, 50);
    const started = performance.now();
    const status = await putRecording(
      `${baseUrl}/api/v1/encounters/${encounter.id}/audio`,
      token,
      totalBytes,
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (status !== 202) throw new Error(`upload answered ${status}`);
    const stored = await json(baseUrl, 'GET', `/api/v1/encounters/${encounter.id}`, undefined, token).catch(
      () => undefined,
    );
    return {
      seconds,
      rssGrowth: rssPeak - rssBefore,
      storedBytes: stored?.audio?.bytes as number | undefined,
    };
  } finally {
    await stop();
  }
}

const scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-bench-'));
const database = await createTestDatabase({ prefix: 'healthcare_bench' });
const s3 = await startS3rver({ bucket: 'healthcare-bench' });
const common = {
  DATABASE_URL: database.appUrl,
  AUTH_JWT_PRIVATE_KEY: generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString(),
  UPLOAD_MAX_AUDIO_BYTES: String(totalBytes + 1),
};
try {
  console.log(
    `bench/upload: ${mib(totalBytes).toFixed(0)} MiB WAV streamed through PUT /encounters/{id}/audio`,
  );
  console.log(`machine: ${describeMachine()}\n`);
  const baselineSeconds = await rawCopyBaseline(scratch);
  const baselineRate = mib(totalBytes) / baselineSeconds;
  const rows = [['raw copy to local disk', baselineSeconds.toFixed(2), baselineRate.toFixed(0), '1.00', '—']];
  const drivers: [string, Record<string, string>][] = [
    ['API → local disk', { STORAGE_DIR: path.join(scratch, 'objects') }],
    [
      'API → S3 (s3rver)',
      {
        S3_BUCKET: s3.config.bucket,
        S3_ENDPOINT: s3.config.endpoint!,
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
      },
    ],
  ];
  for (const [name, environment] of drivers) {
    const result = await uploadThroughApi(name, { ...common, ...environment });
    if (result.storedBytes !== totalBytes)
      throw new Error(`${name}: stored ${result.storedBytes} of ${totalBytes} bytes`);
    const rate = mib(totalBytes) / result.seconds;
    const growth = mib(result.rssGrowth);
    rows.push([
      name,
      result.seconds.toFixed(2),
      rate.toFixed(0),
      (rate / baselineRate).toFixed(2),
      `${growth.toFixed(1)} MiB ${growth < 64 ? '(< 64 ✓)' : '(≥ 64 ✗)'}`,
    ]);
  }
  printTable(['case', 'seconds', 'MiB/s', 'vs raw copy', 'server RSS growth'], rows);
} finally {
  await s3.stop();
  await database.drop();
  await rm(scratch, { recursive: true, force: true });
}
