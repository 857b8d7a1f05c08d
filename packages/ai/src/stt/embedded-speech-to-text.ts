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
  /** Offload to the GPU; only a whisper.cpp built with CUDA (the stt-cuda image) has one to use. */
  gpu?: boolean;
}

export interface EmbeddedSpeechToText extends SpeechToText {
  /** Loads the model now (downloading it first if needed) rather than on the first transcription. */
  load(): Promise<void>;
  /** Whether the model is in memory now: it is dropped after `keepLoadedSeconds` without use. */
  readonly loaded: boolean;
  /** Frees the model's memory once the transcription in hand is done; a later one loads it again. */
  unload(): Promise<void>;
}

/**
 * whisper.cpp in this process (smart-whisper). One transcription at a time: a whisper context is
 * not re-entrant, and on a small machine two at once would only share the same cores.
 */
export function createEmbeddedSpeechToText(options: EmbeddedSpeechToTextOptions): EmbeddedSpeechToText {
  let whisper: Promise<Whisper> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const threads = options.threads ?? Math.max(1, availableParallelism());
  const keepLoadedSeconds = options.keepLoadedSeconds ?? 300;
  // smart-whisper drops an idle model on its own timer; this mirrors it to say whether it is loaded.
  let usedAt: number | undefined;
  const serially = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  const load = () =>
    (whisper ??= options.modelFile().then(
      (file) => new Whisper(file, { gpu: options.gpu ?? false, offload: keepLoadedSeconds }),
      (error: unknown) => {
        whisper = undefined;
        throw error;
      },
    ));

  return {
    name: 'embedded',
    get loaded() {
      return usedAt !== undefined && Date.now() - usedAt < keepLoadedSeconds * 1000;
    },
    load: () =>
      serially(async () => {
        await (await load()).load();
        usedAt = Date.now();
      }),
    unload: () =>
      serially(async () => {
        const loading = whisper;
        whisper = undefined;
        usedAt = undefined;
        await (await loading?.catch(() => undefined))?.free();
      }),
    transcribe(audio, { language, prompt, signal }): Promise<Transcript> {
      const run = async (): Promise<Transcript> => {
        signal?.throwIfAborted();
        const engine = await load();
        const pcm = await readWavSamples(audio.path);
        let results;
        try {
          usedAt = Date.now();
          const task = await engine.transcribe(pcm, {
            n_threads: threads,
            // "detail" adds each segment's tokens with their probabilities and the detected language.
            format: 'detail',
            ...(toIso639_1(language) ? { language: toIso639_1(language)! } : {}),
            ...(prompt ? { initial_prompt: prompt } : {}),
            ...options.decoding,
          });
          results = await task.result;
          // smart-whisper hands a whisper.cpp failure to the result instead of rejecting with it.
          if (!Array.isArray(results)) throw results;
          usedAt = Date.now();
          // smart-whisper keeps every finished task's results for as long as the model lives: a
          // leak in a long-running service. Tasks run one at a time here, so none is in progress.
          engine.tasks.length = 0;
        } catch (error) {
          // Dropped so the next transcription loads the model afresh, and freed: each failure
          // would otherwise leave a whole model in memory.
          whisper = undefined;
          usedAt = undefined;
          engine.free().catch(() => {});
          throw new ProviderError(
            'The built-in speech-to-text engine',
            `The built-in speech-to-text engine failed (${error instanceof Error ? error.message : 'unknown error'}). If the model file is damaged, delete it so it is downloaded again.`,
            false,
          );
        }
        const duration = audio.durationSec;
        return {
          language: toIso639_1(language) ?? results[0]?.lang,
          segments: results
            .map((result) => ({
              // whisper.cpp reports milliseconds, and may overshoot the end of the audio.
              start: clamp(result.from / 1000, 0, duration),
              end: clamp(result.to / 1000, 0, duration),
              text: result.text.trim(),
              tokens: result.tokens.map((token) => token.id),
              avgLogprob: averageLogprob(result.tokens),
            }))
            .map((segment) => ({ ...segment, end: Math.max(segment.end, segment.start) }))
            .sort((a, b) => a.start - b.start),
        };
      };
      return serially(run);
    },
  };
}

/** Over the text tokens: whisper.cpp names its special ones (timestamps, end of text) "[_…]". */
function averageLogprob(tokens: { text: string; p: number }[]): number {
  const text = tokens.filter((token) => !token.text.startsWith('[_'));
  if (text.length === 0) return 0;
  // A probability of exactly 0 would make the mean -Infinity, which JSON cannot carry.
  return text.reduce((sum, token) => sum + Math.log(Math.max(token.p, 1e-10)), 0) / text.length;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
