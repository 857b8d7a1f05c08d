import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@healthcare/core/net/free-port';

export interface WebServer {
  baseUrl: string;
  stop(): Promise<void>;
}

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
// The first start after a change to the pages runs `next build`, which takes a minute or two on 2 cores.
const readyTimeoutMs = 200_000;
const outputLinesKept = 80;

/**
 * The real product, started the way an operator starts it (our server, Next.js pages, API),
 * against the run's test database, on a free loopback port.
 */
export async function startWebServer(
  databaseUrl: string,
  /** Settings a test adds, e.g. the speech-to-text and language model servers to use. */
  extraEnv: Record<string, string> = {},
): Promise<WebServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('ed25519');
  const storageDir = await mkdtemp(path.join(tmpdir(), 'healthcare-e2e-objects-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/web/src/server/main.ts'], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Only what we set, so a variable left in the developer's shell cannot change what is tested.
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      DATABASE_URL: databaseUrl,
      AUTH_JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
      DATA_DIR: '/nonexistent-data-dir-tests-must-not-write',
      STORAGE_DIR: storageDir,
      ...extraEnv,
    },
  });
  const output = keepOutputTail(child);
  const stop = async () => {
    await stopProcess(child);
    await rm(storageDir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(child, baseUrl, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

async function waitUntilReady(child: ChildProcess, baseUrl: string, output: string[]) {
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The web server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output.join('')}`,
      );
    }
    if (await isReady(baseUrl)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The web server was not ready after ${readyTimeoutMs / 1000} s:\n${output.join('')}`);
}

async function isReady(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/readyz`);
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

function keepOutputTail(child: ChildProcess): string[] {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(chunk.toString('utf8'));
    if (lines.length > outputLinesKept) lines.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return lines;
}

/** SIGTERM lets the server close its connections and database pool; SIGKILL if it hangs. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killTimer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killTimer);
}
