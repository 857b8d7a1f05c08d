import { fileURLToPath } from 'node:url';
import { loadConfigOrExit } from '@healthcare/core/config/load-config';
import { createAppLogger } from '@healthcare/core/logging/create-app-logger';
import next from 'next';
import { createAppContext } from './boot/app-context';
import { ensureWebBuild } from './boot/ensure-web-build';
import { prepareDatabase } from './boot/prepare-database';
import { startServer } from './boot/start-server';
import { applyPageSecurityHeaders } from './http/page-security-headers';

const config = loadConfigOrExit();
const { logger, shipping } = createAppLogger(config);
const dev = process.argv.includes('--dev');
const webDir = fileURLToPath(new URL('../..', import.meta.url));

try {
  if (!dev) await ensureWebBuild(webDir, logger);
  const database = await prepareDatabase(config, logger);
  const app = await createAppContext(config, logger, database.appUrl, { logShipping: shipping });
  const pages = next({ dev, dir: webDir, hostname: config.server.host, port: config.server.port });
  await pages.prepare();
  const handlePage = pages.getRequestHandler();
  const server = await startServer(app, {
    host: config.server.host,
    port: config.server.port,
    pages: (request, response) => {
      applyPageSecurityHeaders(request, response, {
        dev,
        https: config.server.publicUrl.protocol === 'https:',
      });
      return handlePage(request, response);
    },
  });
  logger.info(`HealthCare is running at ${config.server.publicUrl.origin}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down');
    // In-flight requests get a grace period; then the remaining keep-alive sockets are cut.
    const forceClose = setTimeout(() => server.closeAllConnections(), 10_000);
    await new Promise((resolve) => server.close(resolve));
    clearTimeout(forceClose);
    await pages.close();
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  logger.fatal(
    { err: error instanceof Error ? { type: error.name, message: error.message } : String(error) },
    'HealthCare could not start',
  );
  await shipping?.close();
  process.exit(1);
}
