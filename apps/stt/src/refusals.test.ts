import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeWhisperModel } from '@healthcare/ai/testing/write-whisper-model';
import { writeSilentWav } from '@healthcare/ai/testing/write-silent-wav';
import { seriesValue } from '@healthcare/core/testing/prometheus-exposition';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  postTranscription,
  relaxedDecoding,
  startTestSttService,
  writeTestModel,
} from './testing/start-test-stt-service';

const maxUploadBytes = 256 * 1024;
let scratch: string;
let serviceTemp: string;
let originalTmpdir: string | undefined;
let modelPath: string;
let wav: string;
let wavBytes: Buffer;
const services: Awaited<ReturnType<typeof startTestSttService>>[] = [];

const start = async (env: Record<string, string> = {}, decoding = relaxedDecoding) => {
  const service = await startTestSttService(
    modelPath,
    { STT_MAX_UPLOAD_BYTES: String(maxUploadBytes), ...env },
    decoding,
  );
  services.push(service);
  return service;
};

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'stt-refusals-test-'));
  // The service's temporary files go to a folder of this test's own, so it can check they are gone.
  serviceTemp = await mkdtemp(path.join(tmpdir(), 'stt-refusals-service-'));
  originalTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = serviceTemp;
  modelPath = await writeTestModel(scratch);
  wav = path.join(scratch, 'short.wav');
  await writeSilentWav(wav, 2);
  wavBytes = await readFile(wav);
}, 120_000);
afterEach(async () => {
  expect(await readdir(serviceTemp)).toEqual([]);
});
afterAll(async () => {
  await Promise.all(services.map((service) => service.close()));
  if (originalTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = originalTmpdir;
  await rm(scratch, { recursive: true, force: true });
  await rm(serviceTemp, { recursive: true, force: true });
});

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: Record<string, unknown> };
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  return { status: response.status, ...body.error };
}

/** A multipart upload over a raw socket, sent as slowly as the test likes (chunked, no length). */
function openUpload(baseUrl: string) {
  const boundary = 'stt-test-boundary';
  const request: ClientRequest = httpRequest(`${baseUrl}/v1/audio/transcriptions`, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  const response = new Promise<{ status: number; headers: IncomingMessage['headers']; body: string }>(
    (resolve, reject) => {
      request.on('response', (message) => {
        let body = '';
        message.setEncoding('utf8');
        message.on('data', (chunk: string) => (body += chunk));
        message.on('end', () => resolve({ status: message.statusCode ?? 0, headers: message.headers, body }));
      });
      request.on('error', reject);
    },
  );
  request.write(
    `--${boundary}\r\nContent-Disposition: form-data; name="language"\r\n\r\npt\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\n` +
      `Content-Type: audio/wav\r\n\r\n`,
  );
  return {
    request,
    response,
    send: (bytes: Buffer) => request.write(bytes),
    finish: (bytes: Buffer) => request.end(Buffer.concat([bytes, Buffer.from(`\r\n--${boundary}--\r\n`)])),
  };
}

async function healthOf(baseUrl: string) {
  return (await (await fetch(`${baseUrl}/healthz`)).json()) as { inFlight: number; queued: number };
}

describe('refused transcription requests', () => {
  let service: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    service = await start();
  });

  it('should refuse a file that is not audio with 415, judged by its bytes and not its name', async () => {
    const notes = path.join(scratch, 'notes.mp3');
    await writeFile(notes, 'Paciente relata dor de cabeça.\n');
    const response = await postTranscription(service.url, { model: 'whisper-1' }, { path: notes });
    expect(await errorOf(response)).toMatchObject({
      status: 415,
      type: 'invalid_request_error',
      code: 'unsupported_audio_format',
      param: 'file',
      message: expect.stringMatching(/not in a supported audio format/),
    });
  });

  it('should refuse a form without a file field with 400', async () => {
    const response = await postTranscription(service.url, { model: 'whisper-1', language: 'pt' });
    expect(await errorOf(response)).toMatchObject({
      status: 400,
      code: 'missing_file',
      param: 'file',
      message: 'Send the audio in a multipart form field named "file".',
    });
  });

  it('should refuse a body that is not a multipart form with 415', async () => {
    const response = await fetch(`${service.url}/v1/audio/transcriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ file: 'audio' }),
    });
    expect(await errorOf(response)).toMatchObject({ status: 415, code: 'unsupported_content_type' });
  });

  it('should name the field at fault: an unknown format, a language Whisper lacks, word timestamps', async () => {
    const cases = [
      [{ response_format: 'xml' }, 'response_format', /must be one of json, verbose_json, text, srt, vtt/],
      [{ language: 'klingon' }, 'language', /a language Whisper knows/],
      [
        { response_format: 'verbose_json', 'timestamp_granularities[]': ['segment', 'word'] },
        'timestamp_granularities[]',
        /word timestamps are not supported/,
      ],
    ] as const;
    for (const [fields, param, message] of cases) {
      const response = await postTranscription(service.url, fields, { path: wav });
      expect(await errorOf(response)).toMatchObject({ status: 400, code: 'invalid_value', param, message });
    }
  });

  it('should refuse an upload declared larger than the limit with 413 before reading it', async () => {
    const big = path.join(scratch, 'big.wav');
    await writeSilentWav(big, 60);
    const response = await postTranscription(service.url, {}, { path: big });
    expect(await errorOf(response)).toMatchObject({
      status: 413,
      code: 'file_too_large',
      message: 'The audio file is larger than the limit of 256 KiB.',
    });
  });

  it('should stop reading an upload of unknown length at the limit with 413', async () => {
    const upload = openUpload(service.url);
    upload.finish(Buffer.alloc(maxUploadBytes * 2));
    const { status, body } = await upload.response;
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'file_too_large', param: 'file' } });
  });

  it('should answer 500 with the engine’s own explanation when whisper.cpp fails', async () => {
    // Blank suppression looks up the " " token, which this generated vocabulary lacks: whisper.cpp fails.
    const brokenModel = path.join(scratch, 'ggml-tiny-without-space.bin');
    await writeWhisperModel(brokenModel, { size: 'tiny', withoutSpaceToken: true });
    const failing = await startTestSttService(
      brokenModel,
      { STT_MAX_UPLOAD_BYTES: String(maxUploadBytes) },
      { ...relaxedDecoding, suppress_blank: true },
    );
    services.push(failing);
    const response = await postTranscription(failing.url, { language: 'pt' }, { path: wav });
    expect(await errorOf(response)).toMatchObject({
      status: 500,
      type: 'server_error',
      code: 'engine_failed',
      message: expect.stringMatching(/speech-to-text engine failed \(map::at\)/),
    });
  });

  it('should answer 404 in OpenAI’s error shape for anything else', async () => {
    const response = await fetch(`${service.url}/v1/audio/translations`, { method: 'POST' });
    expect(await errorOf(response)).toMatchObject({ status: 404, code: 'not_found' });
  });
});

// These wait for real transcriptions on a CPU that test files share: a generous bound, not a measure.
const transcribing = { timeout: 120_000 };

describe('a saturated service', transcribing, () => {
  it('should answer 503 with Retry-After once the running and queued places are taken', async () => {
    const service = await start({ STT_MAX_CONCURRENCY: '1', STT_MAX_QUEUE: '0' });
    const first = openUpload(service.url);
    first.send(wavBytes.subarray(0, 1024));
    await vi.waitFor(async () => expect(await healthOf(service.url)).toMatchObject({ queued: 1 }));

    const refused = await postTranscription(service.url, { language: 'pt' }, { path: wav });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await errorOf(refused)).toMatchObject({
      status: 503,
      type: 'server_error',
      code: 'server_busy',
      message: expect.stringMatching(/busy/),
    });

    first.finish(wavBytes.subarray(1024));
    expect((await first.response).status).toBe(200);
    const metrics = await (await fetch(service.metricsUrl)).text();
    expect(seriesValue(metrics, 'stt_request_seconds_count', { outcome: 'busy' })).toBe(1);
  });

  it('should give the place of a client that disconnects back to the next one', async () => {
    const service = await start({ STT_MAX_CONCURRENCY: '1', STT_MAX_QUEUE: '1' });
    const first = openUpload(service.url);
    const leaving = openUpload(service.url);
    first.send(wavBytes.subarray(0, 1024));
    leaving.send(wavBytes.subarray(0, 1024));
    leaving.response.catch(() => {});
    await vi.waitFor(async () => expect(await healthOf(service.url)).toMatchObject({ queued: 2 }));
    expect((await postTranscription(service.url, {}, { path: wav })).status).toBe(503);

    leaving.request.destroy();
    await vi.waitFor(async () => expect(await healthOf(service.url)).toMatchObject({ queued: 1 }));
    const next = await postTranscription(service.url, { language: 'pt' }, { path: wav });
    expect(next.status).toBe(200);
    first.finish(wavBytes.subarray(1024));
    expect((await first.response).status).toBe(200);
    await vi.waitFor(async () =>
      expect(
        seriesValue(await (await fetch(service.metricsUrl)).text(), 'stt_request_seconds_count', {
          outcome: 'client_closed',
        }),
      ).toBe(1),
    );
  });
});

describe('a service shutting down', transcribing, () => {
  it('should finish the transcription in progress, turn away the waiting, and accept no more', async () => {
    const service = await start({
      STT_MAX_CONCURRENCY: '1',
      STT_MAX_QUEUE: '1',
      STT_MAX_UPLOAD_BYTES: '4194304',
    });
    // Two of whisper.cpp's 30-second windows: long enough to be seen running.
    const long = path.join(scratch, 'long.wav');
    await writeSilentWav(long, 40);
    const running = postTranscription(
      service.url,
      { language: 'pt', response_format: 'verbose_json' },
      { path: long },
    );
    await vi.waitFor(async () => expect(await healthOf(service.url)).toMatchObject({ inFlight: 1 }), {
      timeout: 60_000,
    });
    const waiting = postTranscription(service.url, { language: 'pt' }, { path: wav });
    await vi.waitFor(async () => expect(await healthOf(service.url)).toMatchObject({ queued: 1 }));

    const closed = service.close();
    expect(await errorOf(await waiting)).toMatchObject({ status: 503, code: 'shutting_down' });
    const finished = await running;
    expect(finished.status).toBe(200);
    expect(((await finished.json()) as { duration: number }).duration).toBe(40);
    await closed;
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
  });
});
