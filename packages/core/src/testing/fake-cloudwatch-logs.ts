import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface LogEvent {
  message: string;
  timestamp: number;
}

/**
 * A local CloudWatch Logs endpoint speaking its JSON protocol (awsJson1_1: `POST /`,
 * `X-Amz-Target: Logs_20140328.<Operation>`, errors as `{"__type", "message"}`) for the three
 * operations log shipping uses, enforcing PutLogEvents' documented rules: the group and stream
 * must exist, at most 10,000 events and 1,048,576 bytes (26 bytes an event), in time order.
 */
export async function startFakeCloudWatchLogs() {
  const streams = new Map<string, LogEvent[]>();
  const groups = new Set<string>();
  const calls: { operation: string; contentType: string | undefined; authorization: boolean }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const operation = String(request.headers['x-amz-target'] ?? '').replace(/^Logs_20140328\./, '');
      calls.push({
        operation,
        contentType: request.headers['content-type'],
        authorization: String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256'),
      });
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, any>;
      const key = `${body.logGroupName}/${body.logStreamName}`;
      switch (operation) {
        case 'CreateLogGroup':
          if (groups.has(body.logGroupName))
            return fail(response, 'ResourceAlreadyExistsException', 'The specified log group already exists');
          groups.add(body.logGroupName);
          return ok(response, {});
        case 'CreateLogStream':
          if (!groups.has(body.logGroupName))
            return fail(response, 'ResourceNotFoundException', 'The specified log group does not exist.');
          if (streams.has(key))
            return fail(
              response,
              'ResourceAlreadyExistsException',
              'The specified log stream already exists',
            );
          streams.set(key, []);
          return ok(response, {});
        case 'PutLogEvents': {
          const events = streams.get(key);
          if (!events)
            return fail(response, 'ResourceNotFoundException', 'The specified log stream does not exist.');
          const batch = body.logEvents as LogEvent[];
          const bytes = batch.reduce((sum, event) => sum + Buffer.byteLength(event.message) + 26, 0);
          const ordered = batch.every(
            (event, index) => index === 0 || batch[index - 1]!.timestamp <= event.timestamp,
          );
          if (batch.length === 0 || batch.length > 10_000 || bytes > 1_048_576 || !ordered)
            return fail(
              response,
              'InvalidParameterException',
              'Log events are out of order or over the limits.',
            );
          events.push(...batch);
          return ok(response, { nextSequenceToken: String(events.length) });
        }
        default:
          return fail(response, 'UnknownOperationException', `Unknown operation ${operation}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    groups,
    events: (group: string, stream: string) => streams.get(`${group}/${stream}`) ?? [],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function ok(response: ServerResponse, body: object) {
  response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
}

function fail(response: ServerResponse, type: string, message: string) {
  response
    .writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': type })
    .end(JSON.stringify({ __type: type, message }));
}
