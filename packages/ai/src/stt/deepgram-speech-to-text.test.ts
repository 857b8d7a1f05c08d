import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failureOf } from '../testing/failure-of';
import { startFakeDeepgramServer } from '../testing/fake-deepgram-server';
import { writeSilentWav } from '../testing/write-silent-wav';
import { createDeepgramSpeechToText } from './deepgram-speech-to-text';

let server: Awaited<ReturnType<typeof startFakeDeepgramServer>>;
let scratch: string;
let audio: { path: string; durationSec: number };

beforeAll(async () => {
  server = await startFakeDeepgramServer();
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-deepgram-'));
  audio = { path: path.join(scratch, 'audio.wav'), durationSec: 3 };
  await writeSilentWav(audio.path, 3);
});
afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});
beforeEach(() => {
  server.requests.length = 0;
});

const provider = (timeoutMs = 5_000) =>
  createDeepgramSpeechToText({
    baseUrl: server.baseUrl,
    apiKey: 'dg-key',
    model: 'nova-2',
    timeoutMs,
  });

describe('Deepgram speech-to-text', () => {
  it('should post the raw WAV with the documented options and map utterances and speakers', async () => {
    const transcript = await provider().transcribe(audio, { language: 'pt-BR' });
    expect(transcript.segments).toEqual([
      { start: 0, end: 2, text: 'utterance 0', speaker: 'speaker 0' },
      { start: 2, end: 3, text: 'utterance 1', speaker: 'speaker 1' },
    ]);
    expect(server.requests[0]).toEqual({
      authorization: 'Token dg-key',
      contentType: 'audio/wav',
      query: {
        model: 'nova-2',
        utterances: 'true',
        punctuate: 'true',
        smart_format: 'true',
        diarize: 'true',
        language: 'pt-BR',
      },
      bodyBytes: 44 + 3 * 32_000,
    });
  });

  it('should retry a 429 that says when, and a 503, then succeed', async () => {
    server.enqueue({ kind: 'status', status: 429, retryAfter: '1' }, { kind: 'status', status: 503 });
    expect((await provider().transcribe(audio, {})).segments).toHaveLength(2);
    expect(server.requests).toHaveLength(3);
  });

  it('should not retry invalid credentials and report Deepgram’s message', async () => {
    server.enqueue({ kind: 'status', status: 401 });
    const error = await failureOf(provider().transcribe(audio, {}));
    expect(error).toMatchObject({ retryable: false, extra: { status: 401 } });
    expect(error.message).toMatch(/credentials.*Fake Deepgram failure 401/);
  });

  it('should treat a malformed answer as a retryable failure', async () => {
    server.enqueue({ kind: 'malformed' });
    expect(await failureOf(provider().transcribe(audio, {}))).toMatchObject({ retryable: true });
  });

  it('should retry a 500, and give up retryably with Deepgram’s message when it keeps failing', async () => {
    server.enqueue({ kind: 'status', status: 500 });
    expect((await provider().transcribe(audio, {})).segments).toHaveLength(2);
    expect(server.requests).toHaveLength(2);

    server.requests.length = 0;
    server.enqueue(...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 500 })));
    const error = await failureOf(provider().transcribe(audio, {}));
    expect(error).toMatchObject({ retryable: true, extra: { status: 500 } });
    expect(error.message).toMatch(/Deepgram is failing \(HTTP 500\): Fake Deepgram failure 500/);
    // The first attempt and two retries.
    expect(server.requests).toHaveLength(3);
  });

  it('should time out a server that does not answer, retry, and give up retryably', async () => {
    server.enqueue(...Array.from({ length: 3 }, () => ({ kind: 'slow' as const, delayMs: 1_500 })));
    const error = await failureOf(provider(300).transcribe(audio, {}));
    expect(error).toMatchObject({ retryable: true });
    expect(error.message).toMatch(/Deepgram did not answer within/);
    expect(server.requests).toHaveLength(3);
  });
});
