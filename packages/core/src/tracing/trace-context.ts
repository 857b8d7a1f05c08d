import {
  ROOT_CONTEXT,
  SpanStatusCode,
  TraceFlags,
  trace,
  type Attributes,
  type Context,
  type Span,
  type SpanKind,
} from '@opentelemetry/api';
import { currentLogContext, withLogContext } from '../logging/log-context';
import type { Tracing } from './start-tracing';

const traceparentPattern = /^00-([\da-f]{32})-([\da-f]{16})-[\da-f]{2}$/;

/**
 * The W3C `traceparent` of the span running now. The running span lives in the log context
 * (`traceId`, `spanId`), so log lines and spans share ids; `spanId` is only there when tracing is on.
 */
export function currentTraceparent(): string | undefined {
  const { traceId, spanId } = currentLogContext();
  return traceId && spanId ? `00-${traceId}-${spanId}-01` : undefined;
}

/** The trace id a `traceparent` names, when it is well formed. */
export function traceIdOf(traceparent: unknown): string | undefined {
  if (typeof traceparent !== 'string') return undefined;
  const match = traceparentPattern.exec(traceparent.trim().toLowerCase());
  return match?.[1] && !/^0+$/.test(match[1]) ? match[1] : undefined;
}

export function contextFromTraceparent(traceparent: unknown): Context {
  if (typeof traceparent !== 'string') return ROOT_CONTEXT;
  const match = traceparentPattern.exec(traceparent.trim().toLowerCase());
  if (!match?.[1] || !match[2] || /^0+$/.test(match[1]) || /^0+$/.test(match[2])) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: match[1],
    spanId: match[2],
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
  });
}

/**
 * Runs `work` in a span, child of the span running now (or of `parent`), and makes it the running
 * span for everything `work` logs or starts. Without tracing it only runs `work`. A failure marks
 * the span with the error's class only: messages may quote what a provider was sent.
 */
export async function inSpan<T>(
  tracing: Tracing | undefined,
  name: string,
  options: { kind: SpanKind; attributes?: Attributes; parent?: Context },
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!tracing) return work(undefined);
  const parent = options.parent ?? contextFromTraceparent(currentTraceparent());
  const span = tracing.tracer.startSpan(
    name,
    { kind: options.kind, ...(options.attributes ? { attributes: options.attributes } : {}) },
    parent,
  );
  const { traceId, spanId } = span.spanContext();
  try {
    return await withLogContext({ traceId, spanId }, () => work(span));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
    throw error;
  } finally {
    span.end();
  }
}
