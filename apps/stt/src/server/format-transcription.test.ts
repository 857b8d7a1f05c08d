import { describe, expect, it } from 'vitest';
import { formatTimestamp, formatTranscription, type TranscriptionResult } from './format-transcription';

const result: TranscriptionResult = {
  language: 'pt',
  durationSec: 3725.5,
  segments: [
    { start: 0, end: 1.25, text: 'Bom dia.', tokens: [50364, 3286, 50426], avgLogprob: -0.25 },
    { start: 3599.9996, end: 3725.5, text: 'Dor --> febre.' },
  ],
};

describe('formatTimestamp', () => {
  it('should write SRT times with a comma and WebVTT times with a dot', () => {
    expect(formatTimestamp(0, ',')).toBe('00:00:00,000');
    expect(formatTimestamp(1.25, ',')).toBe('00:00:01,250');
    expect(formatTimestamp(3725.5, '.')).toBe('01:02:05.500');
  });

  it('should round to the millisecond as a whole, carrying into seconds, minutes and hours', () => {
    expect(formatTimestamp(59.9996, ',')).toBe('00:01:00,000');
    expect(formatTimestamp(3599.9996, '.')).toBe('01:00:00.000');
    expect(formatTimestamp(0.0004, ',')).toBe('00:00:00,000');
  });

  it('should keep counting hours past a day and never go below zero', () => {
    expect(formatTimestamp(100 * 3600 + 1.001, ',')).toBe('100:00:01,001');
    expect(formatTimestamp(-0.5, ',')).toBe('00:00:00,000');
  });
});

describe('formatTranscription', () => {
  it('should answer json with the text alone', () => {
    expect(formatTranscription(result, 'json')).toEqual({
      contentType: 'application/json',
      body: JSON.stringify({ text: 'Bom dia. Dor --> febre.' }),
    });
  });

  it('should answer verbose_json as OpenAI documents it', () => {
    const { contentType, body } = formatTranscription(result, 'verbose_json');
    expect(contentType).toBe('application/json');
    const parsed = JSON.parse(body);
    expect(parsed).toMatchObject({
      task: 'transcribe',
      language: 'portuguese',
      duration: 3725.5,
      text: 'Bom dia. Dor --> febre.',
    });
    expect(parsed.segments[0]).toEqual({
      id: 0,
      seek: 0,
      start: 0,
      end: 1.25,
      text: 'Bom dia.',
      tokens: [50364, 3286, 50426],
      temperature: 0,
      avg_logprob: -0.25,
      compression_ratio: expect.any(Number),
      no_speech_prob: 0,
    });
    expect(parsed.segments[1]).toMatchObject({ id: 1, seek: 360000, start: 3600, tokens: [] });
  });

  it('should answer text with a final newline', () => {
    expect(formatTranscription(result, 'text').body).toBe('Bom dia. Dor --> febre.\n');
  });

  it('should number SRT cues from 1', () => {
    expect(formatTranscription(result, 'srt').body).toBe(
      '1\n00:00:00,000 --> 00:00:01,250\nBom dia.\n\n2\n01:00:00,000 --> 01:02:05,500\nDor --> febre.\n\n',
    );
  });

  it('should start WebVTT with its signature and keep arrows out of cue text', () => {
    expect(formatTranscription(result, 'vtt')).toEqual({
      contentType: 'text/vtt; charset=utf-8',
      body: 'WEBVTT\n\n00:00:00.000 --> 00:00:01.250\nBom dia.\n\n01:00:00.000 --> 01:02:05.500\nDor -> febre.\n\n',
    });
  });

  it('should report the language code when Whisper has no name for it, and nothing said as empty text', () => {
    const silent = { language: 'xx', durationSec: 2, segments: [] };
    expect(JSON.parse(formatTranscription(silent, 'verbose_json').body)).toMatchObject({
      language: 'xx',
      text: '',
      segments: [],
    });
    expect(formatTranscription(silent, 'srt').body).toBe('');
    expect(formatTranscription(silent, 'vtt').body).toBe('WEBVTT\n\n');
  });
});
