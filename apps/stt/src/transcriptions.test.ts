import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createOpenAiSpeechToText } from '@healthcare/ai/stt/openai-speech-to-text';
import { writeSilentWav } from '@healthcare/ai/testing/write-silent-wav';
import { generateTone, toneSeconds } from '@healthcare/core/media/testing/audio-fixtures';
import { identifyingLabels, seriesValue } from '@healthcare/core/testing/prometheus-exposition';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postTranscription, startTestSttService, writeTestModel } from './testing/start-test-stt-service';

let scratch: string;
let service: Awaited<ReturnType<typeof startTestSttService>>;
let wav: { path: string; durationSec: number };
const transcriptTexts: string[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'stt-service-test-'));
  service = await startTestSttService(await writeTestModel(scratch));
  wav = { path: path.join(scratch, 'consultation.wav'), durationSec: 6 };
  await writeSilentWav(wav.path, wav.durationSec);
}, 120_000);
afterAll(async () => {
  await service?.close();
  await rm(scratch, { recursive: true, force: true });
});

interface VerboseJson {
  task: string;
  language: string;
  duration: number;
  text: string;
  segments: {
    id: number;
    seek: number;
    start: number;
    end: number;
    text: string;
    tokens: number[];
    temperature: number;
    avg_logprob: number;
    compression_ratio: number;
    no_speech_prob: number;
  }[];
}

describe('POST /v1/audio/transcriptions', () => {
  it('should answer verbose_json with segments in order, inside the audio, as OpenAI documents them', async () => {
    const response = await postTranscription(
      service.url,
      {
        model: 'whisper-1',
        language: 'pt',
        response_format: 'verbose_json',
        'timestamp_granularities[]': 'segment',
      },
      wav,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as VerboseJson;
    expect(body).toMatchObject({ task: 'transcribe', language: 'portuguese', duration: 6 });
    expect(body.segments.length).toBeGreaterThan(0);
    let previousStart = 0;
    body.segments.forEach((segment, index) => {
      expect(segment).toEqual({
        id: index,
        seek: Math.round(segment.start * 100),
        start: expect.any(Number),
        end: expect.any(Number),
        text: expect.any(String),
        tokens: expect.any(Array),
        temperature: 0,
        avg_logprob: expect.any(Number),
        compression_ratio: expect.any(Number),
        no_speech_prob: 0,
      });
      expect(segment.start).toBeGreaterThanOrEqual(previousStart);
      expect(segment.end).toBeGreaterThanOrEqual(segment.start);
      expect(segment.end).toBeLessThanOrEqual(body.duration);
      expect(segment.tokens.length).toBeGreaterThan(0);
      previousStart = segment.start;
    });
    expect(body.text).toBe(body.segments.map((segment) => segment.text).join(' '));
    transcriptTexts.push(...body.segments.map((segment) => segment.text));
  });

  it('should answer json with the text alone, and the same text as verbose_json', async () => {
    const response = await postTranscription(service.url, { model: 'whisper-1', language: 'pt' }, wav);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ text: transcriptTexts.join(' ') });
  });

  it('should answer srt with one numbered cue per segment', async () => {
    const srt = await postTranscription(service.url, { language: 'pt', response_format: 'srt' }, wav);
    expect(srt.status).toBe(200);
    const srtCues = (await srt.text()).split('\n\n').filter(Boolean);
    expect(srtCues).toHaveLength(transcriptTexts.length);
    srtCues.forEach((cue, index) =>
      expect(cue).toMatch(
        new RegExp(`^${index + 1}\\n\\d{2}:\\d{2}:\\d{2},\\d{3} --> \\d{2}:\\d{2}:\\d{2},\\d{3}\\n`),
      ),
    );
  });

  it('should answer vtt with its signature and one cue per segment', async () => {
    const vtt = await postTranscription(service.url, { language: 'pt', response_format: 'vtt' }, wav);
    expect(vtt.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    const [signature, ...vttCues] = (await vtt.text()).split('\n\n').filter(Boolean);
    expect(signature).toBe('WEBVTT');
    expect(vttCues).toHaveLength(transcriptTexts.length);
    for (const cue of vttCues)
      expect(cue).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}\n/);
  });

  it('should answer text with a final newline', async () => {
    const response = await postTranscription(service.url, { language: 'pt', response_format: 'text' }, wav);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe(`${transcriptTexts.join(' ')}\n`);
  });

  it('should decode any accepted audio format, here MP3, to the length of the recording', async () => {
    const mp3 = await generateTone(scratch, 'tone.mp3', ['-c:a', 'libmp3lame']);
    const response = await postTranscription(
      service.url,
      { language: 'en', response_format: 'verbose_json' },
      { path: mp3 },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as VerboseJson;
    expect(body.language).toBe('english');
    expect(Math.abs(body.duration - toneSeconds)).toBeLessThan(0.05);
    for (const segment of body.segments) expect(segment.end).toBeLessThanOrEqual(body.duration);
  });

  it('should serve the project’s own OpenAI-compatible provider end to end', async () => {
    const stt = createOpenAiSpeechToText({
      baseUrl: `${service.url}/v1`,
      apiKey: undefined,
      model: 'whisper-1',
      timeoutMs: 120_000,
    });
    const transcript = await stt.transcribe(wav, { language: 'pt-BR' });
    expect(transcript.language).toBe('portuguese');
    expect(transcript.segments.length).toBeGreaterThan(0);
    for (const segment of transcript.segments) {
      expect(segment.start).toBeGreaterThanOrEqual(0);
      expect(segment.end).toBeGreaterThanOrEqual(segment.start);
      expect(segment.end).toBeLessThanOrEqual(wav.durationSec);
    }
  });

  it('should say the process is alive and the model loaded', async () => {
    const health = await fetch(`${service.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', modelLoaded: true, inFlight: 0, queued: 0 });
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
  });

  it('should expose request, audio, real-time factor, queue and in-flight series', async () => {
    const response = await fetch(service.metricsUrl);
    expect(response.status).toBe(200);
    const metrics = await response.text();
    // The names and labels the web app and worker use for their own calls, so dashboards show both.
    const ai = { service: 'stt', provider: 'whisper.cpp', model: 'ggml-tiny-random' };
    expect(seriesValue(metrics, 'stt_request_seconds_count', { ...ai, outcome: 'ok' })).toBe(7);
    expect(seriesValue(metrics, 'stt_real_time_factor_count', ai)).toBe(7);
    expect(seriesValue(metrics, 'stt_audio_seconds_total', ai)).toBeGreaterThan(0);
    expect(seriesValue(metrics, 'stt_queue_depth', { service: 'stt' })).toBe(0);
    expect(seriesValue(metrics, 'stt_in_flight', { service: 'stt' })).toBe(0);
    expect(seriesValue(metrics, 'stt_model_loaded', { service: 'stt' })).toBe(1);
    // No label holds a file name or a transcript: only bounded sets.
    const words = transcriptTexts.map((text) => text.trim()).filter((text) => text.length >= 6);
    expect(identifyingLabels(metrics, ['consultation', 'stt-service-test', ...words])).toEqual([]);
  });

  it('should log requests without their transcript', () => {
    const requestLines = service.logs.filter((line) => line.includes('"transcription request"'));
    expect(requestLines).toHaveLength(7);
    expect(JSON.parse(requestLines[0]!)).toMatchObject({
      status: 200,
      responseFormat: 'verbose_json',
      segments: transcriptTexts.length,
    });
    for (const text of transcriptTexts) {
      for (const line of service.logs) expect(line).not.toContain(text);
    }
  });
});
