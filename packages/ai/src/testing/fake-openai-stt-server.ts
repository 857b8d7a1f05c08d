import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';
import { wavDuration } from './wav-duration';
import { wavPeak } from './wav-peak';

export type FakeSttBehaviour =
  | { kind: 'ok'; text?: (index: number) => string; language?: string }
  | { kind: 'status'; status: number; retryAfter?: string; body?: unknown }
  | { kind: 'malformed' }
  | { kind: 'slow'; delayMs: number };

export interface RecordedSttRequest {
  authorization: string | undefined;
  fields: Record<string, string[]>;
  fileBytes: number;
  fileName: string | undefined;
  /** Seconds of audio in the WAV received (0 for another format). */
  wavDurationSec: number;
  /** Its loudest sample: with `wavDurationSec`, what tells apart the windows of one recording. */
  peak: number;
}

/**
 * A local stand-in for OpenAI's `POST /v1/audio/transcriptions`, speaking its documented wire
 * format: multipart in; `verbose_json` (segments with start/end/text) or the error shape
 * `{ error: { message, type, code } }` out. Behaviours are consumed one per request; when none is
 * queued it answers `ok`, with one segment per two seconds of the WAV it received. A behaviour
 * given with `answerWhen` is used once, for the first request that matches, ahead of the queue.
 */
export async function startFakeOpenAiSttServer() {
  const behaviours: FakeSttBehaviour[] = [];
  const conditional: { when: (request: RecordedSttRequest) => boolean; behaviour: FakeSttBehaviour }[] = [];
  const requests: RecordedSttRequest[] = [];
  const server: Server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/v1/audio/transcriptions') {
      response
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'Not found', type: 'invalid_request_error' } }));
      return;
    }
    void readMultipart(request).then(async (recorded) => {
      requests.push(recorded);
      const matching = conditional.findIndex(({ when }) => when(recorded));
      const behaviour =
        matching >= 0
          ? conditional.splice(matching, 1)[0]!.behaviour
          : (behaviours.shift() ?? { kind: 'ok' });
      if (behaviour.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
      if (behaviour.kind === 'status') {
        response.writeHead(behaviour.status, {
          'content-type': 'application/json',
          ...(behaviour.retryAfter ? { 'retry-after': behaviour.retryAfter } : {}),
        });
        response.end(
          JSON.stringify(
            behaviour.body ?? {
              error: { message: `Fake failure ${behaviour.status}`, type: 'server_error', code: null },
            },
          ),
        );
        return;
      }
      if (behaviour.kind === 'malformed') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"segments": [ {"start": ');
        return;
      }
      if (!recorded.fields.model?.[0] || recorded.fileBytes === 0) {
        response.writeHead(400, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            error: { message: 'file and model are required', type: 'invalid_request_error' },
          }),
        );
        return;
      }
      const duration = recorded.wavDurationSec;
      const count = Math.max(1, Math.ceil(duration / 2));
      const text =
        behaviour.kind === 'ok' && behaviour.text ? behaviour.text : (index: number) => `segment ${index}`;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          task: 'transcribe',
          language:
            (behaviour.kind === 'ok' && behaviour.language) || recorded.fields.language?.[0] || 'english',
          duration,
          text: Array.from({ length: count }, (_, index) => text(index)).join(' '),
          segments: Array.from({ length: count }, (_, index) => ({
            id: index,
            seek: 0,
            start: index * 2,
            end: Math.min(duration, index * 2 + 2),
            text: ` ${text(index)}`,
            tokens: [],
            temperature: 0,
            avg_logprob: -0.2,
            compression_ratio: 1.2,
            no_speech_prob: 0.01,
          })),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...next: FakeSttBehaviour[]) => behaviours.push(...next),
    answerWhen: (when: (request: RecordedSttRequest) => boolean, behaviour: FakeSttBehaviour) =>
      conditional.push({ when, behaviour }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readMultipart(request: IncomingMessage): Promise<RecordedSttRequest> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string[]> = {};
    const chunks: Buffer[] = [];
    let fileName: string | undefined;
    const parser = busboy({ headers: request.headers });
    parser.on('field', (name, value) => (fields[name] ??= []).push(value));
    parser.on('file', (_, stream, info) => {
      fileName = info.filename;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    });
    parser.on('error', reject);
    parser.on('close', () => {
      const file = Buffer.concat(chunks);
      resolve({
        authorization: request.headers.authorization,
        fields,
        fileBytes: file.length,
        fileName,
        wavDurationSec: wavDuration(file),
        peak: wavPeak(file),
      });
    });
    request.pipe(parser);
  });
}
