import type { AddressInfo } from 'node:net';
import { loadConfig } from '@healthcare/core/config/load-config';
import { createLogger } from '@healthcare/core/logging/create-logger';
import { createAppContext } from '../../apps/web/src/server/boot/app-context';
import { startServer } from '../../apps/web/src/server/boot/start-server';

// The API server alone, in its own process, so the benchmark can read its RSS from /proc.
const config = loadConfig();
if (config.database.mode !== 'external') throw new Error('serve-app.ts needs DATABASE_URL');
const app = await createAppContext(config, createLogger({ level: 'warn' }), config.database.url);
const server = await startServer(app, { host: '127.0.0.1', port: 0 });
process.send?.({ port: (server.address() as AddressInfo).port });
process.on('SIGTERM', () => {
  server.close();
  void app.close().then(() => process.exit(0));
});
