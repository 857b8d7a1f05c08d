import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSilentWav } from '../testing/write-silent-wav';
import { ProviderError } from '../http/provider-error';
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

  it('should report a failure inside whisper.cpp as a provider error, and free the model', async () => {
    // With blank suppression on, whisper.cpp looks up the " " token, which the generated vocabulary
    // lacks: a failure inside the engine (std::map::at), as a damaged model file would cause.
    const stt = createEmbeddedSpeechToText({
      modelFile: async () => modelPath,
      threads,
      decoding: { ...relaxed, suppress_blank: true },
    });
    const audio = { path: path.join(scratch, 'short.wav'), durationSec: 2 };
    await writeSilentWav(audio.path, 2);
    const failure = stt.transcribe(audio, { language: 'pt' });
    await expect(failure).rejects.toBeInstanceOf(ProviderError);
    await expect(failure).rejects.toThrow(/engine failed \(map::at\)/);
    expect(stt.loaded).toBe(false);
  });
});
