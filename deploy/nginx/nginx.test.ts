import { generateKeyPairSync } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import { writeSilentWav } from '@healthcare/ai/testing/write-silent-wav';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginxEdge, type NginxEdge } from '../../scripts/start-nginx-edge';
import { startTestApp, type TestApp } from '../../apps/web/src/server/testing/start-test-app';

let scratch: string;
let nginx: NginxEdge;
let replicas: TestApp[];
let certificate: Buffer;
let httpPort: number;
let httpsPort: number;

interface EdgeResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** HTTPS to the edge, trusting its self-signed certificate (no global TLS switch). */
function edge(
  method: string,
  target: string,
  options: { headers?: Record<string, string>; body?: Buffer | string; firstChunkOnly?: boolean } = {},
): Promise<EdgeResponse> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      {
        host: '127.0.0.1',
        port: httpsPort,
        method,
        path: target,
        ca: certificate,
        servername: 'localhost',
        headers: options.headers,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
          if (options.firstChunkOnly) {
            response.destroy();
            resolve({ status: response.statusCode!, headers: response.headers, body });
          }
        });
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}
const json = (response: EdgeResponse) => JSON.parse(response.body);

beforeAll(async () => {
  const privateKey = generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  // Two replicas of the API sharing one signing key, as in production.
  replicas = [
    await startTestApp({ AUTH_JWT_PRIVATE_KEY: privateKey }),
    await startTestApp({ AUTH_JWT_PRIVATE_KEY: privateKey }),
  ];
  nginx = await startNginxEdge({
    upstreams: replicas.map((replica) => new URL(replica.baseUrl).host),
    ratePerSecond: 200,
    rateBurst: 400,
    authRatePerMinute: 60,
  });
  ({ certificate, httpPort, httpsPort, scratch } = nginx);
}, 120_000);

afterAll(async () => {
  await nginx?.stop();
  await Promise.all((replicas ?? []).map((replica) => replica.close().catch(() => undefined)));
});

describe('the NGINX edge', () => {
  it('should move plain HTTP to HTTPS and send HSTS', async () => {
    const plain = await new Promise<{ status: number; location?: string }>((resolve, reject) =>
      httpRequest(
        { host: '127.0.0.1', port: httpPort, path: '/patients?x=1', headers: { host: 'localhost' } },
        (response) => {
          response.resume();
          resolve({ status: response.statusCode!, location: response.headers.location });
        },
      )
        .on('error', reject)
        .end(),
    );
    expect(plain).toEqual({ status: 301, location: `https://localhost:${httpsPort}/patients?x=1` });
    const secure = await edge('GET', '/healthz');
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=\d{8}/);
    expect(secure.headers.server).toBe('nginx');
  });

  it('should block attacks with a problem document, and let clinical text through', async () => {
    const injection = await edge('GET', `/api/v1/patients?q=${encodeURIComponent("1' OR '1'='1")}`);
    expect(injection.status).toBe(403);
    expect(injection.headers['content-type']).toBe('application/problem+json');
    expect(json(injection)).toMatchObject({ status: 403, detail: expect.stringMatching(/firewall/) });
    const script = await edge('POST', '/api/v1/patients', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '<script>alert(document.cookie)</script>',
        birthDate: '1980-01-01',
        sex: 'female',
      }),
    });
    expect(script.status).toBe(403);

    // Reaches the app (401: no token), not stopped by the WAF.
    const search = await edge(
      'GET',
      `/api/v1/patients?q=${encodeURIComponent("select a doctor from list O'Brien")}`,
    );
    expect(search.status).toBe(401);
    const note = await edge('PATCH', '/api/v1/encounters/6f1c1a57-2b53-4cf8-9b43-5d0a3c2d8e11/note', {
      headers: { 'content-type': 'application/json', 'if-match': '"1"' },
      body: JSON.stringify({
        sections: [
          {
            key: 'plan',
            items: [
              // Without the exclusions for note text, CRS at paranoia level 1 blocks this (942 rules).
              { text: "Dor 'em pontada' or 'em queimação'; union de fratura; select 1 comprimido" },
              { text: "Sra. O'Brien: drop de PA ao levantar -- select de anti-hipertensivo" },
            ],
          },
        ],
      }),
    });
    expect(note.status).toBe(401);
  });

  it('should stream live events and large uploads through, unbuffered', async () => {
    const signup = await edge('POST', '/api/v1/auth/signup', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clinicName: 'Edge Clinic',
        name: 'Dr. Edge',
        email: `edge-${Date.now()}@example.test`,
        password: 'correct horse battery staple',
      }),
    });
    expect(signup.status).toBe(201);
    const auth = { authorization: `Bearer ${json(signup).accessToken}` };
    const patient = await edge('POST', '/api/v1/patients', {
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Paciente Borda', birthDate: '1970-05-05', sex: 'male' }),
    });
    const encounter = await edge('POST', '/api/v1/encounters', {
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ patientId: json(patient).id }),
    });
    const encounterId = json(encounter).id as string;
    const consent = await edge('POST', `/api/v1/encounters/${encounterId}/consent`, {
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ wording: 'The patient agrees that this consultation is recorded.' }),
    });
    expect(consent.status).toBe(201);

    // The first frame arrives while the stream stays open: nothing waits in a proxy buffer.
    const events = await edge('GET', `/api/v1/encounters/${encounterId}/events`, {
      headers: auth,
      firstChunkOnly: true,
    });
    expect(events.status).toBe(200);
    expect(events.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(events.body).toMatch(/^retry: \d+/);

    // 30 MB of audio, past every JSON limit, arrives whole.
    const wav = path.join(scratch, 'long.wav');
    await writeSilentWav(wav, 940);
    const bytes = (await stat(wav)).size;
    expect(bytes).toBeGreaterThan(30_000_000);
    const upload = await edge('PUT', `/api/v1/encounters/${encounterId}/audio`, {
      headers: { ...auth, 'content-type': 'audio/wav', 'content-length': String(bytes) },
      body: await readFile(wav),
    });
    expect(upload.status).toBe(202);
    expect(json(upload).audio.bytes).toBe(bytes);
    // Streamed, not spooled: nginx never wrote the body to its temp folder.
    expect(await readFile(path.join(nginx.logDir, 'error.log'), 'utf8')).not.toMatch(
      /buffered to a temporary file/,
    );
  }, 60_000);

  it('should keep serving when a replica dies', async () => {
    await replicas[1]!.close();
    for (let attempt = 0; attempt < 6; attempt += 1) expect((await edge('GET', '/healthz')).status).toBe(200);
    const log = await readFile(path.join(nginx.logDir, 'access.log'), 'utf8');
    // Both replicas answered earlier: the edge balanced over them.
    for (const replica of replicas) expect(log).toContain(new URL(replica.baseUrl).host);
  });

  it('should slow down repeated logins with 429 and Retry-After', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 12 }, () =>
        edge('POST', '/api/v1/auth/login', {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong wrong wrong' }),
        }),
      ),
    );
    const limited = attempts.filter((attempt) => attempt.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.headers['retry-after']).toBe('10');
    expect(json(limited[0]!)).toMatchObject({ status: 429, title: 'Too Many Requests' });
  });
});
