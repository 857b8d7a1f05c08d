import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { wavDuration } from './wav-duration';

export type FakeDeepgramBehaviour =
  | { kind: 'ok' }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'malformed' }
  /** Answers normally, but only after a delay: a server that does not answer in time. */
  | { kind: 'slow'; delayMs: number };

export interface RecordedDeepgramRequest {
  authorization: string | undefined;
  contentType: string | undefined;
  query: Record<string, string>;
  bodyBytes: number;
}

/**
 * A local stand-in for Deepgram's pre-recorded `POST /v1/listen`, in its documented wire format:
 * raw audio in, `results.utterances` (start, end, transcript, speaker) out; errors as
 * `{ err_code, err_msg, request_id }`. One utterance per two seconds, speakers alternating.
 */
export async function startFakeDeepgramServer() {
  const behaviours: FakeDeepgramBehaviour[] = [];
  const requests: RecordedDeepgramRequest[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
        query: Object.fromEntries(url.searchParams),
        bodyBytes: body.length,
      });
      const behaviour = behaviours.shift() ?? { kind: 'ok' };
      if (behaviour.kind === 'slow') setTimeout(() => answer(body, { kind: 'ok' }), behaviour.delayMs);
      else answer(body, behaviour);
    });

    function answer(body: Buffer, behaviour: FakeDeepgramBehaviour) {
      if (request.method !== 'POST' || url.pathname !== '/v1/listen') {
        response.writeHead(404).end();
      } else if (behaviour.kind === 'status') {
        response.writeHead(behaviour.status, {
          'content-type': 'application/json',
          ...(behaviour.retryAfter ? { 'retry-after': behaviour.retryAfter } : {}),
        });
        response.end(
          JSON.stringify({
            err_code: behaviour.status === 401 ? 'INVALID_AUTH' : 'FAILED',
            err_msg: `Fake Deepgram failure ${behaviour.status}`,
            request_id: 'fake',
          }),
        );
      } else if (behaviour.kind === 'malformed') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"results": ');
      } else {
        const duration = wavDuration(body);
        const count = Math.max(1, Math.ceil(duration / 2));
        const utterances = Array.from({ length: count }, (_, index) => ({
          start: index * 2,
          end: Math.min(duration, index * 2 + 2),
          confidence: 0.9,
          channel: 0,
          transcript: `utterance ${index}`,
          words: [],
          speaker: index % 2,
          id: `u${index}`,
        }));
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            metadata: { request_id: 'fake', duration, channels: 1 },
            results: {
              channels: [
                {
                  alternatives: [
                    {
                      transcript: utterances.map((item) => item.transcript).join(' '),
                      confidence: 0.9,
                      words: [],
                    },
                  ],
                },
              ],
              utterances,
            },
          }),
        );
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...next: FakeDeepgramBehaviour[]) => behaviours.push(...next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
