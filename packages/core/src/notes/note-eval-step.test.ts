import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runEval } from '@healthcare/ai/eval/run-eval';
import { scriptedConsultations } from '@healthcare/ai/eval/scripted-consultations';
import { createEmbeddedNoteWriter } from '@healthcare/ai/llm/embedded-note-writer';
import { createEmbeddedSpeechToText } from '@healthcare/ai/stt/embedded-speech-to-text';
import { writeLlamaModel } from '@healthcare/ai/testing/write-llama-model';
import { writeWhisperModel } from '@healthcare/ai/testing/write-whisper-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNoteEvalStep } from './note-eval-step';

let scratch: string;
let whisperModel: string;
let llamaModel: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-note-eval-'));
  whisperModel = path.join(scratch, 'ggml-tiny-random.bin');
  llamaModel = path.join(scratch, 'tiny-random.gguf');
  await writeWhisperModel(whisperModel, { size: 'tiny' });
  await writeLlamaModel(llamaModel, { shape: 'tiny', seed: 3 });
}, 60_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('eval smoke run on the generated models', () => {
  it('should speak, transcribe, write and check a note for a consultation, end to end', async () => {
    const stt = createEmbeddedSpeechToText({
      modelFile: async () => whisperModel,
      threads: 1,
      decoding: {
        no_speech_thold: 1,
        logprob_thold: -1e5,
        entropy_thold: 1e5,
        temperature_inc: 0,
        suppress_blank: false,
        max_tokens: 4,
      },
    });
    // The tiny model's context is 4,096 byte-level tokens: a short answer, tightly bounded.
    const writer = createEmbeddedNoteWriter({
      modelFile: async () => llamaModel,
      threads: 1,
      maxOutputTokens: 1_000,
      timeoutMs: 600_000,
    });
    const report = await runEval({
      stt,
      consultations: [scriptedConsultations.find((consultation) => consultation.language === 'pt-BR')!],
      noteStep: createNoteEvalStep(writer, { maxItems: 2, maxItemChars: 30, maxEvidence: 2 }),
    });
    const [row] = report.rows;
    // Random weights understand nothing; the figures must still be whole and consistent.
    expect(row!.words.rate).toBeGreaterThan(0.9);
    const note = row!.note!;
    expect(note.items).toBeGreaterThan(0);
    expect(note.items).toBeLessThanOrEqual(8);
    expect(note.itemsWithEvidence).toBeLessThanOrEqual(note.items);
    // Every statement without evidence is flagged, at least.
    expect(note.flags).toBeGreaterThanOrEqual(note.items - note.itemsWithEvidence);
  }, 300_000);
});
