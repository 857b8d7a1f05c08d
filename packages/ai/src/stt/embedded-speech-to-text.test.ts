import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../http/provider-error';
import { writeSilentWav } from '../testing/write-silent-wav';
import { writeWhisperModel } from '../testing/write-whisper-model';
import { createEmbeddedSpeechToText } from './embedded-speech-to-text';

let scratch: string;
let modelPath: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-whisper-'));
  modelPath = path.join(scratch, 'ggml-tiny-random.bin');
  await writeWhisperModel(modelPath, { size: 'tiny' });
}, 60_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

// One thread: test files share few cores, and whisper.cpp's threads spin at their barriers while
// another process holds a core (a run with 2 threads took twice as long on a busy machine).
const threads = 1;

// Random weights decode nothing under whisper.cpp's usual thresholds; relaxed, they decode tokens.
const relaxed = {
  no_speech_thold: 1,
  logprob_thold: -1e5,
  entropy_thold: 1e5,
  temperature_inc: 0,
  suppress_blank: false,
  max_tokens: 16,
};

describe('embedded speech-to-text (whisper.cpp)', () => {
  it('should run real whisper.cpp inference on a generated model and return well-formed segments', async () => {
    const stt = createEmbeddedSpeechToText({
      modelFile: async () => modelPath,
      threads,
      decoding: relaxed,
    });
    const audio = { path: path.join(scratch, 'audio.wav'), durationSec: 6 };
    await writeSilentWav(audio.path, 6);
    const transcript = await stt.transcribe(audio, { language: 'pt-BR' });
    expect(transcript.language).toBe('pt');
    expect(transcript.segments.length).toBeGreaterThan(0);
    let previousStart = 0;
    for (const segment of transcript.segments) {
      expect(segment.start).toBeGreaterThanOrEqual(previousStart);
      expect(segment.end).toBeGreaterThanOrEqual(segment.start);
      expect(segment.end).toBeLessThanOrEqual(audio.durationSec);
      expect(typeof segment.text).toBe('string');
      expect(segment.tokens?.every(Number.isInteger)).toBe(true);
      expect(segment.avgLogprob).toBeLessThanOrEqual(0);
      previousStart = segment.start;
    }
  });

  // Three language detections and transcriptions: over 30 s when other test files share the cores.
  it(
    'should serve concurrent requests one at a time from one loaded model',
    { timeout: 120_000 },
    async () => {
      let loads = 0;
      const stt = createEmbeddedSpeechToText({
        modelFile: async () => {
          loads += 1;
          return modelPath;
        },
        threads,
        decoding: { ...relaxed, max_tokens: 4 },
      });
      const audio = { path: path.join(scratch, 'short.wav'), durationSec: 2 };
      await writeSilentWav(audio.path, 2);
      const results = await Promise.all([
        stt.transcribe(audio, {}),
        stt.transcribe(audio, {}),
        stt.transcribe(audio, {}),
      ]);
      expect(results).toHaveLength(3);
      expect(loads).toBe(1);
      // No language asked for: whisper.cpp detects one, and says which.
      expect(results[0]?.language).toMatch(/^[a-z]{2,3}$/);
    },
  );

  it('should load the model when asked, say whether it is in memory, and free it', async () => {
    const stt = createEmbeddedSpeechToText({ modelFile: async () => modelPath, threads });
    expect(stt.loaded).toBe(false);
    await stt.load();
    expect(stt.loaded).toBe(true);
    await stt.unload();
    expect(stt.loaded).toBe(false);
  });

  it('should fail with a clear sentence when whisper.cpp fails during a transcription', async () => {
    const brokenModel = path.join(scratch, 'ggml-tiny-without-space.bin');
    await writeWhisperModel(brokenModel, { size: 'tiny', withoutSpaceToken: true });
    const stt = createEmbeddedSpeechToText({ modelFile: async () => brokenModel, threads: 2 });
    const audio = { path: path.join(scratch, 'two-seconds.wav'), durationSec: 2 };
    // At least 1 s: whisper.cpp returns at once, without decoding, for anything shorter.
    await writeSilentWav(audio.path, 2);
    const failure = await stt.transcribe(audio, { language: 'en' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderError);
    expect((failure as Error).message).toMatch(/^The built-in speech-to-text engine failed \(map::at\)/);
    // The model is freed, not kept half-broken: the next transcription loads it afresh.
    expect(stt.loaded).toBe(false);
  }, 60_000);
});
