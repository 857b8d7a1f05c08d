import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCloudWatchLogs } from '../testing/fake-cloudwatch-logs';
import { startFakeDatadogIntake } from '../testing/fake-datadog-intake';
import { createLogger } from './create-logger';
import { withLogContext } from './log-context';
import { startLogShipping } from './start-log-shipping';

beforeAll(() => {
  // The SDK's default credential chain reads these; the fake endpoint only checks a signature is present.
  process.env.AWS_ACCESS_KEY_ID = 'AKIDTEST';
  process.env.AWS_SECRET_ACCESS_KEY = 'test-secret';
});

describe('log shipping to the Datadog intake', () => {
  let intake: Awaited<ReturnType<typeof startFakeDatadogIntake>>;
  beforeAll(async () => {
    intake = await startFakeDatadogIntake({ apiKey: 'dd-key' });
  });
  afterAll(() => intake.close());

  it('should send JSON lines in gzip batches of at most 1,000 with the API key, service and tags', async () => {
    const shipping = startLogShipping({
      destination: 'datadog',
      url: intake.url,
      apiKey: 'dd-key',
      service: 'healthcare-test',
      tags: 'env:test',
      maxBufferedLines: 5_000,
    });
    const logger = createLogger({ level: 'info', destination: shipping.stream });
    withLogContext({ requestId: 'req-dd' }, () => {
      for (let index = 0; index < 1_500; index += 1)
        logger.info({ route: '/patients', status: 200 }, 'request');
    });
    const stats = await shipping.flush();
    await shipping.close();

    expect(stats).toEqual({ sent: 1_500, dropped: { buffer_full: 0, send_failed: 0, too_large: 0 } });
    expect(intake.requests.length).toBeGreaterThanOrEqual(2);
    for (const request of intake.requests) {
      expect(request.entries.length).toBeLessThanOrEqual(1_000);
      expect(request.headers).toMatchObject({
        'content-encoding': 'gzip',
        'content-type': 'application/json',
      });
      expect(request.entries[0]).toMatchObject({
        ddsource: 'nodejs',
        service: 'healthcare-test',
        ddtags: 'env:test',
      });
    }
    expect(intake.lines()).toHaveLength(1_500);
    expect(intake.lines()[0]).toMatchObject({ requestId: 'req-dd', route: '/patients', msg: 'request' });
  });

  it('should count drops, not crash or block, while the destination fails, and recover after', async () => {
    intake.failWith(503);
    const shipping = startLogShipping({
      destination: 'datadog',
      url: intake.url,
      apiKey: 'dd-key',
      service: 'healthcare-test',
      tags: undefined,
      maxBufferedLines: 10,
    });
    const logger = createLogger({ level: 'info', destination: shipping.stream });
    for (let index = 0; index < 50; index += 1) logger.info({ status: 200 }, 'while down');
    const down = await shipping.flush();
    expect(down.sent).toBe(0);
    expect(down.dropped.buffer_full + down.dropped.send_failed).toBe(50);
    expect(down.dropped.buffer_full).toBeGreaterThanOrEqual(40);

    intake.failWith(undefined);
    logger.info({ status: 200 }, 'back up');
    const up = await shipping.flush();
    await shipping.close();
    expect(up.sent).toBe(1);
    expect(intake.lines().at(-1)).toMatchObject({ msg: 'back up' });
  });

  it('should drop and count everything when the destination does not even accept connections', async () => {
    const shipping = startLogShipping({
      destination: 'datadog',
      url: 'http://127.0.0.1:1/api/v2/logs',
      apiKey: 'dd-key',
      service: 'healthcare-test',
      tags: undefined,
      maxBufferedLines: 3,
    });
    const logger = createLogger({ level: 'info', destination: shipping.stream });
    for (let index = 0; index < 10; index += 1) logger.info('unreachable');
    const stats = await shipping.flush();
    await shipping.close();
    expect(stats.sent).toBe(0);
    expect(stats.dropped.buffer_full + stats.dropped.send_failed).toBe(10);
  });
});

describe('log shipping to CloudWatch Logs', () => {
  it('should create the group and stream, tolerate existing ones, and put events in time order', async () => {
    const cloudWatch = await startFakeCloudWatchLogs();
    try {
      const config = {
        destination: 'cloudwatch' as const,
        logGroup: '/healthcare/test',
        logStream: 'web-1',
        region: 'eu-west-1',
        endpoint: cloudWatch.endpoint,
        maxBufferedLines: 20_000,
      };
      cloudWatch.groups.add('/healthcare/test'); // created by someone else before: not an error
      const shipping = startLogShipping(config);
      const logger = createLogger({ level: 'info', destination: shipping.stream });
      // Lines arriving out of order (another clock, a late write) must still be put in order.
      shipping.stream.write(`${JSON.stringify({ time: '2026-01-01T00:00:02.000Z', msg: 'second' })}\n`);
      shipping.stream.write(`${JSON.stringify({ time: '2026-01-01T00:00:01.000Z', msg: 'first' })}\n`);
      // 12,000 lines: more than one PutLogEvents may carry.
      for (let index = 0; index < 12_000; index += 1) logger.info({ status: 200 }, 'request');
      const stats = await shipping.flush();
      await shipping.close();

      expect(stats).toEqual({ sent: 12_002, dropped: { buffer_full: 0, send_failed: 0, too_large: 0 } });
      const events = cloudWatch.events('/healthcare/test', 'web-1');
      expect(events).toHaveLength(12_002);
      expect(JSON.parse(events[0]!.message)).toMatchObject({ msg: 'first' });
      expect(events[0]!.timestamp).toBe(Date.parse('2026-01-01T00:00:01.000Z'));
      const puts = cloudWatch.calls.filter((call) => call.operation === 'PutLogEvents');
      expect(puts.length).toBeGreaterThanOrEqual(2);
      expect(cloudWatch.calls.map((call) => call.operation).slice(0, 2)).toEqual([
        'CreateLogGroup',
        'CreateLogStream',
      ]);
      expect(
        cloudWatch.calls.every(
          (call) => call.authorization && call.contentType === 'application/x-amz-json-1.1',
        ),
      ).toBe(true);
    } finally {
      await cloudWatch.close();
    }
  });
});
