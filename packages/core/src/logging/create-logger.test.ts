import { describe, expect, it } from 'vitest';
import { runJob } from '../jobs/run-job';
import { createAppMetrics } from '../metrics/app-metrics';
import { z } from 'zod';
import { createLogger } from './create-logger';
import { withLogContext } from './log-context';
import { traceIdFor } from './trace-id';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'trace', destination: { write: (line) => lines.push(line) } });
  return { logger, records: () => lines.map((line) => JSON.parse(line) as Record<string, any>) };
}

describe('createLogger', () => {
  it('should stamp the request and trace ids of the async context on every line, however deep', async () => {
    const { logger, records } = capture();
    await withLogContext({ requestId: 'req-1', traceId: 'a'.repeat(32) }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      logger.info({ route: '/patients' }, 'inner');
    });
    logger.info('outside');
    expect(records()).toMatchObject([
      { requestId: 'req-1', traceId: 'a'.repeat(32), route: '/patients', msg: 'inner' },
      { msg: 'outside' },
    ]);
    expect(records()[1]).not.toHaveProperty('requestId');
  });

  it('should redact every field that is not on the allow-list, and nested values of allowed ones', () => {
    const { logger, records } = capture();
    logger.info(
      {
        patientName: 'Zuleica Quintanilha',
        body: { name: 'Zuleica Quintanilha' },
        route: { name: 'Zuleica Quintanilha' },
        status: 201,
        err: { type: 'Error', message: 'written by our code', detail: 'Key (name)=(Zuleica Quintanilha)' },
      },
      'request',
    );
    const [line] = records();
    expect(line).toMatchObject({
      patientName: '[redacted]',
      body: '[redacted]',
      route: '[redacted]',
      status: 201,
      err: { type: 'Error', message: 'written by our code', detail: '[redacted]' },
    });
    expect(JSON.stringify(records())).not.toContain('Zuleica');
  });

  it("should keep a raw error's class and code but not its message, which may quote query parameters", () => {
    const { logger, records } = capture();
    const error = Object.assign(new Error('duplicate key value (name)=(Zuleica Quintanilha)'), {
      code: '23505',
    });
    logger.error({ err: error }, 'failed');
    expect(records()[0]?.err).toMatchObject({ type: 'Error', code: '23505' });
    expect(JSON.stringify(records())).not.toContain('Zuleica');
  });

  it('should log a job under the request that enqueued it, its handler lines included, and count it', async () => {
    const { logger, records } = capture();
    const metrics = createAppMetrics('worker');
    const handler = runJob(
      {
        queue: 'note',
        payload: z.object({ requestId: z.string(), name: z.string() }),
        async handle() {
          logger.info('handler working');
          throw new Error('provider down');
        },
        async onFailure() {},
      },
      logger,
      metrics,
    );
    const job = {
      id: 'job-1',
      data: { requestId: 'req-9', name: 'Zuleica Quintanilha' },
      retryCount: 3,
      retryLimit: 3,
    };
    await handler([job as never]);
    const expected = { requestId: 'req-9', traceId: traceIdFor('req-9'), jobId: 'job-1', queue: 'note' };
    expect(records()).toMatchObject([
      { ...expected, msg: 'handler working' },
      { ...expected, msg: 'job failed for good' },
    ]);
    expect(JSON.stringify(records())).not.toContain('Zuleica');
    const exposition = await metrics.registry.metrics();
    expect(exposition).toMatch(/^job_failures_total\{queue="note",outcome="failed",service="worker"\} 1$/m);
    expect(exposition).toMatch(
      /^job_duration_seconds_count\{service="worker",queue="note",outcome="failed"\} 1$/m,
    );
  });
});
