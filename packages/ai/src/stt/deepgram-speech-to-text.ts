import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { callProvider, type CallPolicy } from '../http/call-provider';
import { createCircuitBreaker } from '../http/circuit-breaker';
import { readProviderJson } from '../http/read-provider-json';
import type { SpeechToText, Transcript } from './speech-to-text';

const listenResponse = z.object({
  results: z.object({
    channels: z.array(z.object({ detected_language: z.string().optional() })).optional(),
    utterances: z
      .array(
        z.object({
          start: z.number(),
          end: z.number(),
          transcript: z.string(),
          speaker: z.number().optional(),
        }),
      )
      .optional(),
  }),
});

export interface DeepgramSpeechToTextOptions {
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
  timeoutMs: number;
}

/**
 * Deepgram's pre-recorded API (`POST /v1/listen`): the WAV goes as the raw body, utterances
 * (with diarized speakers) come back and become segments.
 */
export function createDeepgramSpeechToText(options: DeepgramSpeechToTextOptions): SpeechToText {
  const provider = 'Deepgram';
  const policy: CallPolicy = {
    breaker: createCircuitBreaker(provider, { failureThreshold: 5, cooldownMs: 30_000 }),
    provider,
    timeoutMs: options.timeoutMs,
    retries: 2,
    maxRetryAfterMs: 30_000,
  };
  return {
    name: 'deepgram',
    async transcribe(audio, { language, signal }): Promise<Transcript> {
      const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}/listen`);
      url.searchParams.set('model', options.model);
      url.searchParams.set('utterances', 'true');
      url.searchParams.set('punctuate', 'true');
      url.searchParams.set('smart_format', 'true');
      url.searchParams.set('diarize', 'true');
      if (language) url.searchParams.set('language', language);
      const { size } = await stat(audio.path);
      const response = await callProvider(
        policy,
        (attemptSignal) =>
          fetch(url, {
            method: 'POST',
            headers: {
              'content-type': 'audio/wav',
              'content-length': String(size),
              ...(options.apiKey ? { authorization: `Token ${options.apiKey}` } : {}),
            },
            body: Readable.toWeb(createReadStream(audio.path)) as ReadableStream,
            duplex: 'half',
            signal: attemptSignal,
          } as RequestInit),
        signal,
      );
      const body = await readProviderJson(response, listenResponse, policy.provider, 'a transcription');
      return {
        language: body.results.channels?.[0]?.detected_language ?? language,
        segments: (body.results.utterances ?? []).map((utterance) => ({
          start: utterance.start,
          end: utterance.end,
          text: utterance.transcript.trim(),
          ...(utterance.speaker !== undefined ? { speaker: `speaker ${utterance.speaker}` } : {}),
        })),
      };
    },
  };
}
