import { deflateSync } from 'node:zlib';
import type { SpeechSegment } from '@healthcare/ai/stt/speech-to-text';
import { whisperLanguages } from './whisper-languages';

export const responseFormats = ['json', 'verbose_json', 'text', 'srt', 'vtt'] as const;
export type ResponseFormat = (typeof responseFormats)[number];

export interface TranscriptionResult {
  /** The ISO 639-1 code of the language transcribed, asked for or detected. */
  language: string | undefined;
  durationSec: number;
  segments: SpeechSegment[];
}

/** The transcription as OpenAI's `POST /v1/audio/transcriptions` answers in each `response_format`. */
export function formatTranscription(
  result: TranscriptionResult,
  format: ResponseFormat,
): { contentType: string; body: string } {
  const text = result.segments.map((segment) => segment.text).join(' ');
  switch (format) {
    case 'json':
      return { contentType: 'application/json', body: JSON.stringify({ text }) };
    case 'verbose_json':
      return { contentType: 'application/json', body: JSON.stringify(verboseJson(result, text)) };
    case 'text':
      return { contentType: 'text/plain; charset=utf-8', body: `${text}\n` };
    case 'srt':
      return {
        contentType: 'text/plain; charset=utf-8',
        body: result.segments
          .map(
            (segment, index) =>
              `${index + 1}\n${formatTimestamp(segment.start, ',')} --> ${formatTimestamp(segment.end, ',')}\n${cueText(segment.text)}\n\n`,
          )
          .join(''),
      };
    case 'vtt':
      return {
        contentType: 'text/vtt; charset=utf-8',
        body: `WEBVTT\n\n${result.segments
          .map(
            (segment) =>
              // "-->" inside a cue's text would be read as a timing line.
              `${formatTimestamp(segment.start, '.')} --> ${formatTimestamp(segment.end, '.')}\n${cueText(segment.text).replaceAll('-->', '->')}\n\n`,
          )
          .join('')}`,
      };
  }
}

/**
 * `HH:MM:SS,mmm` (SRT) or `HH:MM:SS.mmm` (WebVTT). Rounded to the millisecond as a whole, so
 * 59.9996 s becomes 00:01:00,000 and never 00:00:59,1000.
 */
export function formatTimestamp(seconds: number, decimalSeparator: ',' | '.'): string {
  const totalMs = Math.round(Math.max(0, seconds) * 1000);
  const hours = Math.floor(totalMs / 3_600_000);
  const minutes = Math.floor(totalMs / 60_000) % 60;
  const wholeSeconds = Math.floor(totalMs / 1000) % 60;
  const pad = (value: number, digits: number) => String(value).padStart(digits, '0');
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(wholeSeconds, 2)}${decimalSeparator}${pad(totalMs % 1000, 3)}`;
}

/**
 * OpenAI's verbose_json. whisper.cpp through smart-whisper does not report the temperature a
 * segment was decoded at nor its no-speech probability: they are given as 0 (the first, greedy
 * temperature; "speech"), so clients that filter on them keep every segment.
 */
function verboseJson(result: TranscriptionResult, text: string) {
  const language = result.language;
  return {
    task: 'transcribe',
    language: (language && whisperLanguages[language]) ?? language ?? 'unknown',
    duration: milliseconds(result.durationSec),
    text,
    segments: result.segments.map((segment, id) => ({
      id,
      // Whisper's seek counts 10 ms mel frames; the segment's own start is the nearest we know.
      seek: Math.round(segment.start * 100),
      start: milliseconds(segment.start),
      end: milliseconds(segment.end),
      text: segment.text,
      tokens: segment.tokens ?? [],
      temperature: 0,
      avg_logprob: segment.avgLogprob ?? 0,
      compression_ratio: compressionRatio(segment.text),
      no_speech_prob: 0,
    })),
  };
}

const milliseconds = (seconds: number) => Math.round(seconds * 1000) / 1000;

/** As Whisper computes it (UTF-8 bytes over zlib-compressed bytes): high values mean repetition loops. */
function compressionRatio(text: string): number {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length / deflateSync(bytes).length;
}

/** A blank line ends a cue in SRT and WebVTT alike. */
const cueText = (text: string) => text.trim().replace(/\s*\n\s*\n\s*/g, '\n');
