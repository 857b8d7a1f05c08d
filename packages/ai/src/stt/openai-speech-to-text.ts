import { openAsBlob } from 'node:fs';
import { z } from 'zod';
import { callProvider, type CallPolicy } from '../http/call-provider';
import { createCircuitBreaker } from '../http/circuit-breaker';
import { readProviderJson } from '../http/read-provider-json';
import { toIso639_1 } from './language-code';
import type { SpeechToText, Transcript } from './speech-to-text';

const verboseJson = z.object({
  language: z.string().optional(),
  segments: z.array(z.object({ start: z.number(), end: z.number(), text: z.string() })).optional(),
  text: z.string().optional(),
  duration: z.number().optional(),
});

export interface OpenAiSpeechToTextOptions {
  /** Up to and including `/v1`: https://api.openai.com/v1, http://stt.internal/v1, a Groq or whisper.cpp server. */
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
  timeoutMs: number;
}

/**
 * Any OpenAI-compatible `POST /audio/transcriptions` (OpenAI, Groq, whisper.cpp server,
 * faster-whisper servers, our `stt` service), asking for `verbose_json` segments.
 */
export function createOpenAiSpeechToText(options: OpenAiSpeechToTextOptions): SpeechToText {
  const provider = 'The speech-to-text service';
  const policy: CallPolicy = {
    breaker: createCircuitBreaker(provider, { failureThreshold: 5, cooldownMs: 30_000 }),
    provider,
    timeoutMs: options.timeoutMs,
    retries: 2,
    maxRetryAfterMs: 30_000,
  };
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/audio/transcriptions`;

  return {
    name: 'openai',
    async transcribe(audio, { language, prompt, signal }): Promise<Transcript> {
      const response = await callProvider(
        policy,
        async (attemptSignal) => {
          const form = new FormData();
          form.append('file', await openAsBlob(audio.path, { type: 'audio/wav' }), 'audio.wav');
          form.append('model', options.model);
          form.append('response_format', 'verbose_json');
          form.append('timestamp_granularities[]', 'segment');
          const code = toIso639_1(language);
          if (code) form.append('language', code);
          if (prompt) form.append('prompt', prompt);
          return fetch(endpoint, {
            method: 'POST',
            headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
            body: form,
            signal: attemptSignal,
          });
        },
        signal,
      );
      const body = await readProviderJson(
        response,
        verboseJson,
        policy.provider,
        'a verbose_json transcription',
      );
      const segments =
        body.segments ??
        // Servers that ignore verbose_json still return the text: one segment spanning the audio.
        (body.text?.trim() ? [{ start: 0, end: body.duration ?? audio.durationSec, text: body.text }] : []);
      return {
        language: body.language,
        segments: segments.map((segment) => ({
          start: segment.start,
          end: segment.end,
          text: segment.text.trim(),
        })),
      };
    },
  };
}
