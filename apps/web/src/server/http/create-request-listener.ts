import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createApiHandler } from '../api/create-api-handler';
import type { AppContext } from '../boot/app-context';
import { handleHealthRequest, healthPaths } from '../health/handle-health-request';
import { describeErrorForLog } from './describe-error';
import { withLogContext } from '@healthcare/core/logging/log-context';
import { resolveTraceId } from '@healthcare/core/logging/trace-id';
import { requestMeta, toWebRequest, writeWebResponse } from './node-adapter';
import { problemResponse } from './problem';
import { nameRequestSpan, startRequestSpan } from '@healthcare/core/tracing/start-request-span';

export type PageHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * /api and the health probes are served by our own handler, ahead of Next.js, so request
 * bodies reach it as untouched streams (Next's proxy layer silently truncates large ones)
 * and every API error, including 404 and 405, is problem+json. Everything else is a page.
 */
export function createRequestListener(app: AppContext, pages?: PageHandler): RequestListener {
  const handleApi = createApiHandler(app);
  const baseUrl = app.config.server.publicUrl;

  return (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const meta = requestMeta(request, app.config.server.trustProxyHops);
    const traceparent = request.headers.traceparent;
    // Probes are not traced: they would bury the requests people look for.
    const span =
      app.tracing && !healthPaths.has(path)
        ? startRequestSpan(app.tracing, request, response, meta.requestId)
        : undefined;
    // With tracing on, log lines carry the span's own ids, so logs and traces join.
    const traceId =
      span?.spanContext().traceId ??
      resolveTraceId(meta.requestId, typeof traceparent === 'string' ? traceparent : undefined);
    const spanId = span?.spanContext().spanId;
    response.setHeader('x-request-id', meta.requestId);
    const run = async () => {
      if (path === '/api' || path.startsWith('/api/')) {
        const webRequest = toWebRequest(request, response, baseUrl);
        await writeWebResponse(await handleApi(webRequest, { ...meta, span }), response, request);
      } else if (healthPaths.has(path)) {
        const stop = app.metrics.httpDuration.startTimer({ route: path, method: request.method ?? 'GET' });
        const health = await handleHealthRequest(app, path);
        await writeWebResponse(health, response);
        stop({ status: String(health.status) });
      } else if (pages) {
        // Pages are one label: their paths hold ids, and Next.js routes them itself.
        const stop = app.metrics.httpDuration.startTimer({ route: 'page', method: request.method ?? 'GET' });
        nameRequestSpan(span, request.method ?? 'GET', 'page');
        response.once('finish', () => stop({ status: String(response.statusCode) }));
        await pages(request, response);
      } else {
        await writeWebResponse(problemResponse(404, 'Nothing is served here.'), response);
      }
    };
    // Every line logged while this request runs, in any module, carries its ids.
    withLogContext({ requestId: meta.requestId, traceId, ...(spanId ? { spanId } : {}) }, run).catch(
      (error: unknown) => {
        // A client that hangs up mid-answer (a closed tab, a proxy giving up) is routine, not a fault.
        if (isClientGone(error, response)) {
          app.logger.debug('the client closed the connection before the answer was written');
          return;
        }
        app.logger.error({ err: describeErrorForLog(error) }, 'request failed outside the API handler');
        if (!response.headersSent) {
          response.statusCode = 500;
          response.setHeader('content-type', 'application/problem+json');
          response.end(
            JSON.stringify({
              type: 'about:blank',
              title: 'Internal Server Error',
              status: 500,
              detail: 'Something went wrong on our side.',
            }),
          );
        } else {
          response.destroy();
        }
      },
    );
  };
}

function isClientGone(error: unknown, response: ServerResponse): boolean {
  return (
    (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_STREAM_PREMATURE_CLOSE' &&
    response.destroyed &&
    !response.writableFinished
  );
}
