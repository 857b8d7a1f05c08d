import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../http/provider-error';
import { failureOf } from '../testing/failure-of';
import { startFakeOpenAiSttServer } from '../testing/fake-openai-stt-server';
import { writeSilentWav } from '../testing/write-silent-wav';
import { createOpenAiSpeechToText } from './openai-speech-to-text';

let server: Awaited<ReturnType<typeof startFakeOpenAiSttServer>>;
let scratch: string;
let audio: { path: string; durationSec: number };

beforeAll(async () => {
  server = await startFakeOpenAiSttServer();
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-stt-'));
  audio = { path: path.join(scratch, 'audio.wav'), durationSec: 5 };
  await writeSilentWav(audio.path, 5);
});
afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});
beforeEach(() => {
  server.requests.length = 0;
});

const provider = (overrides: { timeoutMs?: number; apiKey?: string } = {}) =>
  createOpenAiSpeechToText({
    baseUrl: server.baseUrl,
    apiKey: overrides.apiKey ?? 'sk-test',
    model: 'whisper-1',
    timeoutMs: overrides.timeoutMs ?? 5_000,
  });

describe('OpenAI-compatible speech-to-text', () => {
  it('should send the documented multipart request and map verbose_json segments', async () => {
    const transcript = await provider().transcribe(audio, { language: 'pt-BR', prompt: 'Consulta médica' });
    expect(transcript.segments).toEqual([
      { start: 0, end: 2, text: 'segment 0' },
      { start: 2, end: 4, text: 'segment 1' },
      { start: 4, end: 5, text: 'segment 2' },
    ]);
    const [request] = server.requests;
    expect(request).toMatchObject({
      authorization: 'Bearer sk-test',
      fileName: 'audio.wav',
      fileBytes: 44 + 5 * 32_000,
      fields: {
        model: ['whisper-1'],
        response_format: ['verbose_json'],
        'timestamp_granularities[]': ['segment'],
        language: ['pt'],
        prompt: ['Consulta médica'],
      },
    });
  });

  it('should wait as Retry-After says after a 429 and then succeed', async () => {
    server.enqueue({
      kind: 'status',
      status: 429,
      retryAfter: '1',
      body: { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } },
    });
    const transcript = await provider().transcribe(audio, {});
    expect(transcript.segments).toHaveLength(3);
    expect(server.requests).toHaveLength(2);
  });

  it('should retry a 500 and give up with a retryable error after the retries', async () => {
    server.enqueue(...Array(3).fill({ kind: 'status', status: 500 }));
    const error = await failureOf(provider().transcribe(audio, {}));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ retryable: true, extra: { status: 500 } });
    expect(error.message).toContain('Fake failure 500');
    expect(server.requests).toHaveLength(3);
  });

  it('should not retry rejected credentials, and say so', async () => {
    server.enqueue({
      kind: 'status',
      status: 401,
      body: {
        error: {
          message: 'Incorrect API key provided',
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      },
    });
    const error = await failureOf(provider().transcribe(audio, {}));
    expect(error).toMatchObject({ retryable: false, extra: { status: 401 } });
    expect(error.message).toMatch(/credentials.*Incorrect API key/);
    expect(server.requests).toHaveLength(1);
  });

  it('should hand a long Retry-After back to the job queue instead of waiting', async () => {
    server.enqueue({ kind: 'status', status: 503, retryAfter: '3600' });
    const error = await failureOf(provider().transcribe(audio, {}));
    expect(error).toMatchObject({ retryable: true, extra: { status: 503, retryAfterSeconds: 3600 } });
    expect(server.requests).toHaveLength(1);
  });

  it('should treat a malformed body as a retryable provider failure', async () => {
    server.enqueue({ kind: 'malformed' });
    const error = await failureOf(provider().transcribe(audio, {}));
    expect(error).toMatchObject({ retryable: true });
    expect(error.message).toContain('not a verbose_json');
  });

  it('should time out a silent server and retry', async () => {
    server.enqueue(
      { kind: 'slow', delayMs: 1_500 },
      { kind: 'slow', delayMs: 1_500 },
      { kind: 'slow', delayMs: 1_500 },
    );
    const error = await failureOf(provider({ timeoutMs: 300 }).transcribe(audio, {}));
    expect(error).toMatchObject({ retryable: true });
    expect(error.message).toContain('did not answer');
  });
});
