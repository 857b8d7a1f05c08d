import type { IncomingMessage, ServerResponse } from 'node:http';
import { SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import type { Tracing } from './start-tracing';
import { contextFromTraceparent } from './trace-context';

export type RequestSpan = Span;

/**
 * The server span of one request, child of the caller's `traceparent` when it sends one; it ends
 * when the response is done or the connection goes. Its name and `http.route` become the route
 * template once the router knows it: the raw path is never recorded, since it holds ids.
 */
export function startRequestSpan(
  tracing: Tracing,
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
): Span {
  const method = request.method ?? 'GET';
  const span = tracing.tracer.startSpan(
    method,
    { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: method, 'request.id': requestId } },
    contextFromTraceparent(request.headers.traceparent),
  );
  response.once('close', () => {
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.statusCode);
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return span;
}

/** Names the span after the route template (`unmatched`, `page`), once the router has chosen it. */
export function nameRequestSpan(span: Span | undefined, method: string, route: string): void {
  span?.updateName(`${method} ${route}`);
  span?.setAttribute(ATTR_HTTP_ROUTE, route);
}
