import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../../apps/web/src/server/testing/start-test-app';
import { parseDockerfile } from './parse-dockerfile';
import { freePort } from '@healthcare/core/net/free-port';

// The edge image's entrypoint, run outside a container: the render script bundled by the very
// esbuild command of nginx.Dockerfile, the image's /opt/healthcare and /etc/nginx/healthcare
// moved into a temp dir, in front of a real API replica.
const run = promisify(execFile);
const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const stages = parseDockerfile(path.join(repositoryRoot, 'deploy/docker/nginx.Dockerfile'));
const bundleCommand = stages
  .flatMap((stage) => stage.instructions)
  .find((instruction) => instruction.keyword === 'RUN' && instruction.args.startsWith('esbuild '))!.args;
const healthcheck = stages
  .at(-1)!
  .instructions.filter((instruction) => instruction.keyword === 'HEALTHCHECK')
  .at(-1)!
  .args.replace(/^(--\S+\s+)*CMD\s+/, '');

let scratch: string;
let home: string;
let replica: TestApp;
let edge: ChildProcess;
let env: NodeJS.ProcessEnv;
let httpPort: number;
let httpsPort: number;

function get(
  secure: boolean,
  target: string,
): Promise<{ status: number; location?: string; certificate?: Buffer; body: string }> {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', path: target, headers: { host: 'localhost' } };
    const request = secure
      ? httpsRequest({ ...options, port: httpsPort, rejectUnauthorized: false, servername: 'localhost' })
      : httpRequest({ ...options, port: httpPort });
    request.on('response', (response) => {
      const socket = response.socket as TLSSocket;
      const certificate = secure ? socket.getPeerCertificate().raw : undefined;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode!,
          location: response.headers.location,
          certificate,
          body,
        }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-nginx-image-'));
  // nginx's workers run as an unprivileged user when the suite runs as root: they must reach it.
  await chmod(scratch, 0o755);
  home = path.join(scratch, 'opt-healthcare');
  await mkdir(path.join(home, 'deploy/docker'), { recursive: true });
  await symlink(path.join(repositoryRoot, 'deploy/nginx'), path.join(home, 'deploy/nginx'));
  await symlink(
    path.join(repositoryRoot, 'deploy/docker/healthcheck.mjs'),
    path.join(home, 'deploy/docker/healthcheck.mjs'),
  );
  const [tool, ...args] = bundleCommand.replace('/out/', `${home}/`).split(/\s+/);
  await run(path.join(repositoryRoot, 'node_modules/.bin', tool!), args, { cwd: repositoryRoot });

  replica = await startTestApp();
  [httpPort, httpsPort] = [await freePort(), await freePort()];
  env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    NODE_ENV: 'production',
    HEALTHCARE_NGINX_HOME: home,
    NGINX_CONF_DIR: path.join(scratch, 'conf'),
    NGINX_RUN_DIR: path.join(scratch, 'run'),
    NGINX_LOG_DIR: path.join(scratch, 'log'),
    NGINX_ACME_ROOT: path.join(scratch, 'acme'),
    NGINX_HTTP_PORT: String(httpPort),
    NGINX_HTTPS_PORT: String(httpsPort),
    NGINX_SERVER_NAME: 'localhost',
    NGINX_UPSTREAMS: new URL(replica.baseUrl).host,
    // No certificate yet, as before certbot's first run.
    NGINX_TLS_CERTIFICATE: path.join(scratch, 'letsencrypt/fullchain.pem'),
    NGINX_TLS_CERTIFICATE_KEY: path.join(scratch, 'letsencrypt/privkey.pem'),
  };
  await mkdir(env.NGINX_RUN_DIR!, { recursive: true, mode: 0o777 });
  await chmod(env.NGINX_RUN_DIR!, 0o777);
  // Its own process group: the entrypoint's reload loop is stopped with nginx.
  edge = spawn(path.join(repositoryRoot, 'deploy/docker/nginx-entrypoint.sh'), [], {
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const errors: string[] = [];
  edge.stderr!.on('data', (chunk: Buffer) => errors.push(chunk.toString('utf8')));
  await vi.waitFor(
    async () => {
      if (edge.exitCode !== null) throw new Error(`the entrypoint exited: ${errors.join('')}`);
      expect((await get(true, '/healthz')).status).toBe(200);
    },
    {
      timeout: 30_000,
      interval: 200,
    },
  );
}, 120_000);

afterAll(async () => {
  if (edge?.pid) {
    try {
      process.kill(-edge.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await replica?.close();
  await rm(scratch, { recursive: true, force: true });
});

describe("the edge image's entrypoint", () => {
  it('should serve the API over TLS with a self-signed certificate until a real one exists', async () => {
    const response = await get(true, '/healthz');
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
    expect(new X509Certificate(response.certificate!).subject).toBe('CN=localhost');
  });

  it('should move plain HTTP to HTTPS', async () => {
    const response = await get(false, '/patients');
    expect(response.status).toBe(301);
    expect(response.location).toBe(`https://localhost:${httpsPort}/patients`);
  });

  it("should pass the image's HEALTHCHECK command", async () => {
    const command = healthcheck.replace('/opt/healthcare', home);
    await expect(run('/bin/sh', ['-c', command], { env })).resolves.toBeDefined();
  });
});
