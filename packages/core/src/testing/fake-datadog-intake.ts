import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface DatadogIntakeRequest {
  headers: IncomingMessage['headers'];
  entries: { ddsource?: string; service?: string; hostname?: string; ddtags?: string; message: string }[];
}

/**
 * A local Datadog HTTP logs intake v2 (`POST /api/v2/logs`): checks the API key header and
 * gzip encoding as the real one does (403 without a key), answers 202, and records what it got.
 * `failWith(503)` makes it fail every request until `failWith(undefined)`.
 */
export async function startFakeDatadogIntake(options: { apiKey: string }) {
  const requests: DatadogIntakeRequest[] = [];
  let failure: number | undefined;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/api/v2/logs') {
        response.writeHead(404).end();
        return;
      }
      if (request.headers['dd-api-key'] !== options.apiKey) {
        response.writeHead(403, { 'content-type': 'application/json' }).end('{"errors":["Forbidden"]}');
        return;
      }
      if (failure !== undefined) {
        response.writeHead(failure).end();
        return;
      }
      const raw = Buffer.concat(chunks);
      const body = request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      requests.push({ headers: request.headers, entries: JSON.parse(body.toString('utf8')) });
      response.writeHead(202, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v2/logs`,
    requests,
    /** Every message received, parsed as the JSON log line it is. */
    lines: () => requests.flatMap((request) => request.entries.map((entry) => JSON.parse(entry.message))),
    failWith: (status: number | undefined) => (failure = status),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
