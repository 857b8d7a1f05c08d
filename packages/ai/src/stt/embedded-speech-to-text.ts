import { availableParallelism } from 'node:os';
import { Whisper } from 'smart-whisper';
import { ProviderError } from '../http/provider-error';
import { toIso639_1 } from './language-code';
import { readWavSamples } from './read-wav-samples';
import type { SpeechToText, Transcript } from './speech-to-text';

export interface EmbeddedSpeechToTextOptions {
  /** Resolves the model file, downloading it on first use if needed. */
  modelFile: () => Promise<string>;
  /** whisper.cpp on 2 cores with its default of 4 threads runs many times slower: always explicit. */
  threads?: number;
  /** Decoder thresholds; the defaults are whisper.cpp's own. Tests relax them for random-weight models. */
  decoding?: Partial<{
    no_speech_thold: number;
    logprob_thold: number;
    entropy_thold: number;
    temperature_inc: number;
    suppress_blank: boolean;
    max_tokens: number;
  }>;
  /** Seconds an idle model stays in memory (about 200 MB for base). */
  keepLoadedSeconds?: number;
}

/**
 * whisper.cpp in this process (smart-whisper). One transcription at a time: a whisper context is
 * not re-entrant, and on a small machine two at once would only share the same cores.
 */
export function createEmbeddedSpeechToText(options: EmbeddedSpeechToTextOptions): SpeechToText {
  let whisper: Promise<Whisper> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const threads = options.threads ?? Math.max(1, availableParallelism());

  const load = () =>
    (whisper ??= options.modelFile().then(
      (file) => new Whisper(file, { gpu: false, offload: options.keepLoadedSeconds ?? 300 }),
      (error: unknown) => {
        whisper = undefined;
        throw error;
      },
    ));

  return {
    name: 'embedded',
    transcribe(audio, { language, prompt, signal }): Promise<Transcript> {
      const run = async (): Promise<Transcript> => {
        signal?.throwIfAborted();
        const engine = await load();
        const pcm = await readWavSamples(audio.path);
        let results;
        try {
          const task = await engine.transcribe(pcm, {
            n_threads: threads,
            format: 'simple',
            ...(toIso639_1(language) ? { language: toIso639_1(language)! } : {}),
            ...(prompt ? { initial_prompt: prompt } : {}),
            ...options.decoding,
          });
          const outcome: unknown = await task.result;
          // smart-whisper resolves with the error when whisper.cpp throws (a C++ exception), not rejects.
          if (!Array.isArray(outcome)) throw outcome instanceof Error ? outcome : new Error(String(outcome));
          results = outcome as Awaited<typeof task.result>;
        } catch (error) {
          whisper = undefined;
          throw new ProviderError(
            'The built-in speech-to-text engine',
            `The built-in speech-to-text engine failed (${error instanceof Error ? error.message : 'unknown error'}). If the model file is damaged, delete it so it is downloaded again.`,
            false,
          );
        }
        const duration = audio.durationSec;
        return {
          language: toIso639_1(language),
          segments: results
            .map((result) => ({
              // whisper.cpp reports milliseconds, and may overshoot the end of the audio.
              start: clamp(result.from / 1000, 0, duration),
              end: clamp(result.to / 1000, 0, duration),
              text: result.text.trim(),
            }))
            .map((segment) => ({ ...segment, end: Math.max(segment.end, segment.start) }))
            .sort((a, b) => a.start - b.start),
        };
      };
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
