import { createHash } from 'node:crypto';

const traceparentPattern = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;

/**
 * The W3C trace id of a request: the caller's, from `traceparent`, when there is one; otherwise
 * derived from the request id, so a job enqueued by the request (whose payload carries only the
 * request id) logs under the same trace without another field in every payload.
 */
export function resolveTraceId(requestId: string, traceparent: string | undefined): string {
  const given = traceparent ? traceparentPattern.exec(traceparent.trim().toLowerCase()) : null;
  if (given?.[1] && !/^0+$/.test(given[1])) return given[1];
  return traceIdFor(requestId);
}

export function traceIdFor(requestId: string): string {
  return createHash('sha256').update(requestId).digest('hex').slice(0, 32);
}
