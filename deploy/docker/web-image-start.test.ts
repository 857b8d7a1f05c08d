import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { execForm, parseDockerfile, parseEnv } from './parse-dockerfile';
import { freePort } from '@healthcare/core/net/free-port';

// The web image's start, outside a container engine (there is none here): its CMD, run from the
// repository root (the image's /app holds the same layout) with its ENV plus what compose adds.
// The production build is the image's `npm run build`; the server's own rebuild-if-stale check
// (ensure-web-build.ts) runs it when the checkout has none, once per run, about 30 s on 2 cores.
const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const runtime = parseDockerfile(path.join(repositoryRoot, 'deploy/docker/web.Dockerfile')).at(-1)!;
const of = (keyword: string) => runtime.instructions.filter((instruction) => instruction.keyword === keyword);
const command = execForm(of('CMD').at(-1)!.args)!;
const imageEnv: Record<string, string> = Object.assign({}, ...of('ENV').map((env) => parseEnv(env.args)));
const healthcheck = of('HEALTHCHECK')
  .at(-1)!
  .args.replace(/^(--\S+\s+)*CMD\s+/, '');

let child: ChildProcess;
let scratch: string;
let baseUrl: string;
let env: NodeJS.ProcessEnv;
const output: string[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-web-image-'));
  const [port, metricsPort] = [await freePort(), await freePort()];
  baseUrl = `http://127.0.0.1:${port}`;
  env = {
    // Only the image's environment and a deployment's, nothing from the developer's shell.
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    // Typed apart only for TypeScript's sake; the image's ENV (spread next) sets the same.
    NODE_ENV: 'production',
    ...imageEnv,
    // Free ports instead of the image's 3000/9464, which other processes here may hold.
    PORT: String(port),
    METRICS_PORT: String(metricsPort),
    // The image's writable /app/data.
    DATA_DIR: path.join(scratch, 'data'),
    DATABASE_URL: inject('testDatabase').appUrl,
    AUTH_JWT_PRIVATE_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    STORAGE_DIR: path.join(scratch, 'objects'),
    REDIS_URL: 'redis://127.0.0.1:6379',
    PUBLIC_URL: baseUrl,
    TRUST_PROXY_HOPS: '1',
    RUN_WORKER: 'false',
    LOG_LEVEL: 'warn',
  };
  child = spawn(command[0]!, command.slice(1), {
    cwd: repositoryRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 60) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await vi.waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`the server exited:\n${output.join('')}`);
      const response = await fetch(`${baseUrl}/readyz`);
      expect(response.status).toBe(200);
    },
    { timeout: 240_000, interval: 500 },
  );
}, 300_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
  await rm(scratch, { recursive: true, force: true });
});

describe("the web image's start command", () => {
  it('should answer /readyz with the database up', async () => {
    const response = await fetch(`${baseUrl}/readyz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { components: Record<string, { status: string }> };
    expect(body.components.database?.status).toBe('up');
  });

  it('should render the pages from the production build', async () => {
    const response = await fetch(`${baseUrl}/login`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/\/_next\/static\//);
  });

  it("should pass the image's HEALTHCHECK command", async () => {
    const { stderr } = await promisify(execFile)('/bin/sh', ['-c', healthcheck], {
      cwd: repositoryRoot,
      env,
    });
    expect(stderr).toBe('');
  });

  it('should stop cleanly on SIGTERM, as `docker stop` sends', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited, output.join('')).toBe(0);
  });
});
