import { availableParallelism } from 'node:os';
import {
  createEmbeddedSpeechToText,
  type EmbeddedSpeechToText,
  type EmbeddedSpeechToTextOptions,
} from '@healthcare/ai/stt/embedded-speech-to-text';
import type { AudioFile, Transcript } from '@healthcare/ai/stt/speech-to-text';

// The service exists to transcribe: its model stays in memory. (smart-whisper's idle timer is a
// setTimeout, which cannot wait longer than 24.8 days.)
const keepLoadedSeconds = 20 * 24 * 3600;

export interface EnginePool {
  /** Runs on an idle engine; callers keep at most `size` calls in flight (the concurrency gate). */
  transcribe(
    audio: AudioFile,
    options: { language?: string; prompt?: string; signal?: AbortSignal },
  ): Promise<Transcript>;
  load(): Promise<void>;
  readonly loaded: boolean;
  unload(): Promise<void>;
}

/**
 * One whisper.cpp engine per concurrent transcription: an engine runs one at a time, so
 * concurrency above 1 needs as many copies of the model in memory. Without STT_THREADS, the
 * cores are divided among them instead of each engine claiming all of them.
 */
export function createEnginePool(options: {
  size: number;
  modelFile: () => Promise<string>;
  threads: number | undefined;
  gpu?: boolean;
  decoding?: EmbeddedSpeechToTextOptions['decoding'];
}): EnginePool {
  const threads = options.threads ?? Math.max(1, Math.floor(availableParallelism() / options.size));
  const engines: EmbeddedSpeechToText[] = Array.from({ length: options.size }, () =>
    createEmbeddedSpeechToText({
      modelFile: options.modelFile,
      threads,
      keepLoadedSeconds,
      gpu: options.gpu ?? false,
      ...(options.decoding ? { decoding: options.decoding } : {}),
    }),
  );
  const idle = [...engines];
  return {
    async transcribe(audio, transcribeOptions) {
      const engine = idle.pop();
      if (!engine) throw new Error('More transcriptions in flight than engines: the gate must bound them.');
      try {
        return await engine.transcribe(audio, transcribeOptions);
      } finally {
        idle.push(engine);
      }
    },
    load: async () => {
      await Promise.all(engines.map((engine) => engine.load()));
    },
    get loaded() {
      return engines.every((engine) => engine.loaded);
    },
    unload: async () => {
      await Promise.all(engines.map((engine) => engine.unload()));
    },
  };
}
