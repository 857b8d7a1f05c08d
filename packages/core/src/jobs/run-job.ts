import { SpanKind } from '@opentelemetry/api';
import type PgBoss from 'pg-boss';
import type { z } from 'zod';
import { ProviderError } from '@healthcare/ai/http/provider-error';
import { InvalidNoteOutputError } from '@healthcare/ai/notes/write-note';
import type { Logger } from '../logging/create-logger';
import type { AppMetrics } from '../metrics/app-metrics';
import { withLogContext } from '../logging/log-context';
import { traceIdFor } from '../logging/trace-id';
import { AudioDecodeError } from '../media/audio-decode-error';
import { PermanentJobError } from './job-errors';
import type { Tracing } from '../tracing/start-tracing';
import { contextFromTraceparent, inSpan, traceIdOf } from '../tracing/trace-context';

export interface JobDefinition<Payload> {
  queue: string;
  payload: z.ZodType<Payload>;
  handle(payload: Payload): Promise<void>;
  /** Called once when the job gives up for good, with a reason fit for the encounter. */
  onFailure(payload: Payload, reason: string): Promise<void>;
}

/**
 * The shared frame of every job: validate the payload (an invalid one can never succeed, so it
 * is dropped, not retried), run, and sort failures. Retryable ones are rethrown for pg-boss to
 * retry with jittered backoff; on the last attempt, and for permanent ones at once, the failure
 * is recorded where a person will see it.
 */
export function runJob<Payload>(
  definition: JobDefinition<Payload>,
  logger: Logger,
  metrics?: AppMetrics,
  tracing?: Tracing,
) {
  return async (jobs: PgBoss.JobWithMetadata<unknown>[]) => {
    for (const job of jobs) {
      const parsed = definition.payload.safeParse(job.data);
      if (!parsed.success) {
        logger.error({ queue: definition.queue, jobId: job.id }, 'job payload is invalid; dropped');
        continue;
      }
      const requestId = requestIdOf(job.data);
      // The enqueuing span's context, when tracing was on there: the run continues its trace.
      const traceparent = (job.data as { traceparent?: unknown }).traceparent;
      const traceId = traceIdOf(traceparent) ?? (requestId ? traceIdFor(requestId) : undefined);
      const correlation = {
        queue: definition.queue,
        jobId: job.id,
        ...(requestId ? { requestId } : {}),
        ...(traceId ? { traceId } : {}),
      };
      const context = { attempt: job.retryCount + 1 };
      const stopTimer = metrics?.jobDuration.startTimer({ queue: definition.queue });
      const finish = (outcome: 'completed' | 'retry' | 'failed') => {
        stopTimer?.({ outcome });
        if (outcome !== 'completed') metrics?.jobFailures.inc({ queue: definition.queue, outcome });
      };
      try {
        // The handler's own lines, and the provider calls', carry the request that caused the job.
        await withLogContext(correlation, () =>
          inSpan(
            tracing,
            `${definition.queue} process`,
            {
              kind: SpanKind.CONSUMER,
              parent: contextFromTraceparent(traceparent),
              attributes: {
                'messaging.system': 'pg-boss',
                'messaging.operation.type': 'process',
                'messaging.destination.name': definition.queue,
                'messaging.message.id': job.id,
                'job.attempt': job.retryCount + 1,
              },
            },
            () => definition.handle(parsed.data),
          ),
        );
        finish('completed');
      } catch (error) {
        const permanent = permanentReason(error);
        const lastAttempt = job.retryCount >= job.retryLimit;
        if (permanent === undefined && !lastAttempt) {
          logger.warn({ ...correlation, ...context, err: describe(error) }, 'job failed; it will be retried');
          finish('retry');
          throw error;
        }
        finish('failed');
        const reason = permanent ?? retryExhaustedReason(error);
        logger.error({ ...correlation, ...context, err: describe(error) }, 'job failed for good');
        await definition.onFailure(parsed.data, reason);
      }
    }
  };
}

function permanentReason(error: unknown): string | undefined {
  if (error instanceof PermanentJobError) return error.reason;
  if (error instanceof AudioDecodeError) return error.message;
  if (error instanceof ProviderError && !error.retryable) return error.message;
  if (error instanceof InvalidNoteOutputError)
    return `${error.message} Try “retry”, or regenerate with another template; if it keeps failing, the configured model may be too small for this template.`;
  return undefined;
}

function retryExhaustedReason(error: unknown): string {
  if (error instanceof ProviderError)
    return `${error.message} We tried several times; use “retry” when the service is back.`;
  return 'Processing failed several times because of an internal error. Use “retry”; if it fails again, contact your administrator.';
}

function requestIdOf(data: unknown): string | undefined {
  const requestId = (data as { requestId?: unknown } | null)?.requestId;
  return typeof requestId === 'string' ? requestId : undefined;
}

function describe(error: unknown) {
  return error instanceof Error
    ? {
        type: error.name,
        message:
          error instanceof ProviderError || error instanceof PermanentJobError ? error.message : undefined,
      }
    : { type: typeof error };
}
