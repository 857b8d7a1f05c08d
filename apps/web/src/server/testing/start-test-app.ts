import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@healthcare/core/config/load-config';
import { createAppLogger } from '@healthcare/core/logging/create-app-logger';
import { createTestDatabase } from '@healthcare/core/testing/test-database';
import { afterAll, beforeAll, inject } from 'vitest';
import { createAppContext, type AppContext } from '../boot/app-context';
import { startServer } from '../boot/start-server';
import { apiClient } from './api-client';

export interface TestApp {
  baseUrl: string;
  app: AppContext;
  close(): Promise<void>;
}

/**
 * The real API server (our request listener on a real socket) against the run's real
 * PostgreSQL database, logged in as the application role. Only the Next.js pages are absent.
 */
export async function startTestApp(
  environment: Record<string, string> = {},
  options: { logDestination?: { write(line: string): void }; ownDatabase?: boolean } = {},
): Promise<TestApp> {
  // Tests that run the job worker get a database of their own, so they never pick up (and
  // fail) jobs enqueued by other test files running at the same time.
  const own = options.ownDatabase ? await createTestDatabase({ prefix: 'healthcare_worker' }) : undefined;
  const database = own ?? inject('testDatabase');
  const { privateKey } = generateKeyPairSync('ed25519');
  const config = loadConfig({
    DATABASE_URL: database.appUrl,
    AUTH_JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    PUBLIC_URL: 'http://localhost:3000',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent-data-dir-tests-must-not-write',
    STORAGE_DIR: path.join(tmpdir(), `healthcare-test-objects-${process.pid}`),
    ...environment,
  });
  const databaseUrl = config.database.mode === 'external' ? config.database.url : database.appUrl;
  const { logger, shipping } = createAppLogger(
    config,
    options.logDestination ? { destination: options.logDestination } : {},
  );
  const app = await createAppContext(config, logger, databaseUrl, { logShipping: shipping });
  const server = await startServer(app, { host: '127.0.0.1', port: 0 });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
      await own?.drop();
    },
  };
}

/**
 * Starts one test app for the enclosing test file (or describe block) and stops it after.
 * `api` can be used by the tests right away; `testApp` once the tests run.
 */
export function useTestApp(
  // A function when a value is only known once other fixtures have started (a fake server's URL).
  environment: Record<string, string> | (() => Record<string, string>) = {},
  options: Parameters<typeof startTestApp>[1] = {},
) {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(typeof environment === 'function' ? environment() : environment, options);
  });
  afterAll(() => started?.close());
  const testApp = () => {
    if (!started) throw new Error('useTestApp: the app starts in beforeAll; use it inside tests');
    return started;
  };
  return { api: apiClient(() => testApp().baseUrl), testApp };
}
