import { createServer, type Server } from 'node:http';
import type { AppContext } from './app-context';
import { createRequestListener, type PageHandler } from '../http/create-request-listener';

export async function startServer(
  app: AppContext,
  options: { host: string; port: number; pages?: PageHandler },
): Promise<Server> {
  const server = createServer(createRequestListener(app, options.pages));
  // Slow or stalled clients must not hold sockets forever; uploads get longer in their own routes.
  server.headersTimeout = 30_000;
  server.requestTimeout = 0;
  server.keepAliveTimeout = 65_000; // above the 60 s idle timeout of AWS ALB and NGINX defaults
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
