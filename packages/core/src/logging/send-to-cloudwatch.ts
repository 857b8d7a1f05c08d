import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type { LogSink } from './log-batcher';

/**
 * CloudWatch Logs through the AWS SDK (credentials from its default chain): the group and the
 * stream are created on first use (or again if deleted), and each batch respects PutLogEvents'
 * limits: 10,000 events, 1,048,576 bytes counting 26 bytes an event, in time order.
 */
export function cloudWatchSink(options: {
  logGroup: string;
  logStream: string;
  region: string;
  endpoint: string | undefined;
}): LogSink {
  const client = new CloudWatchLogsClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    maxAttempts: 3,
  });
  const target = { logGroupName: options.logGroup, logStreamName: options.logStream };
  let created = false;

  async function ensureStream() {
    for (const command of [
      new CreateLogGroupCommand({ logGroupName: options.logGroup }),
      new CreateLogStreamCommand(target),
    ]) {
      try {
        await client.send(command as never);
      } catch (error) {
        if ((error as { name?: string }).name !== 'ResourceAlreadyExistsException') throw error;
      }
    }
    created = true;
  }

  return {
    maxBatchLines: 10_000,
    maxBatchBytes: 1_048_576,
    sizeOf: (line) => Buffer.byteLength(line) + 26,
    async send(lines) {
      const logEvents = lines
        .map((line) => ({ message: line.trimEnd(), timestamp: timestampOf(line) }))
        .sort((a, b) => a.timestamp - b.timestamp);
      try {
        if (!created) await ensureStream();
        await client.send(new PutLogEventsCommand({ ...target, logEvents }));
        return { ok: true };
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (name === 'ResourceNotFoundException') created = false;
        return {
          ok: false,
          retryable: ![
            'InvalidParameterException',
            'AccessDeniedException',
            'UnrecognizedClientException',
          ].includes(name ?? ''),
        };
      }
    },
  };
}

function timestampOf(line: string): number {
  const match = /"time":"([^"]+)"/.exec(line);
  const parsed = match ? Date.parse(match[1]!) : Number.NaN;
  return Number.isNaN(parsed) ? Date.now() : parsed;
}
