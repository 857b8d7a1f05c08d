import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedSpeechToText } from '../stt/embedded-speech-to-text';
import { writeWhisperModel } from '../testing/write-whisper-model';
import { formatEvalReport } from './format-eval-report';
import { runEval, type NoteStepInput } from './run-eval';
import { scriptedConsultations } from './scripted-consultations';
import { assertEspeakInstalled } from './synthesize-speech';

let scratch: string | undefined;
let modelPath: string;

beforeAll(async () => {
  // Fails here, with the sentence saying what to install, on a machine without espeak-ng.
  await assertEspeakInstalled();
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-eval-test-'));
  modelPath = path.join(scratch, 'ggml-tiny-random.bin');
  await writeWhisperModel(modelPath, { size: 'tiny' });
}, 60_000);
afterAll(() => scratch && rm(scratch, { recursive: true, force: true }));

describe('speech eval harness', () => {
  it('should speak, transcribe and score each consultation, and report what the note step returns', async () => {
    const stt = createEmbeddedSpeechToText({
      modelFile: async () => modelPath,
      threads: 2,
      // Random weights decode nothing under whisper.cpp's usual thresholds; a few tokens keep it short.
      decoding: {
        no_speech_thold: 1,
        logprob_thold: -1e5,
        entropy_thold: 1e5,
        temperature_inc: 0,
        suppress_blank: false,
        max_tokens: 4,
      },
    });
    const consultations = [
      scriptedConsultations.find((consultation) => consultation.language === 'pt-BR')!,
      scriptedConsultations.find((consultation) => consultation.language === 'en')!,
    ];
    const noteInputs: NoteStepInput[] = [];
    const report = await runEval({
      stt,
      consultations,
      noteStep: async (input) => {
        noteInputs.push(input);
        return { items: input.segments.length + 1, itemsWithEvidence: input.segments.length, flags: 1 };
      },
    });

    expect(report.rows.map((row) => [row.id, row.language])).toEqual(
      consultations.map((consultation) => [consultation.id, consultation.language]),
    );
    for (const row of report.rows) {
      expect(row.audioSec).toBeGreaterThan(5);
      expect(row.transcribeSec).toBeGreaterThan(0);
      expect(row.words.referenceWords).toBeGreaterThan(30);
      const errors = row.words.substitutions + row.words.deletions + row.words.insertions;
      expect(row.words.rate).toBeCloseTo(errors / row.words.referenceWords, 10);
      // A random-weight model hears nothing of the script: whatever it says is wrong.
      expect(row.words.rate).toBeGreaterThan(0.9);
      expect(row.note).toEqual({
        items: expect.any(Number),
        itemsWithEvidence: expect.any(Number),
        flags: 1,
      });
    }
    expect(report.overall.words.referenceWords).toBe(
      report.rows[0]!.words.referenceWords + report.rows[1]!.words.referenceWords,
    );
    expect(report.overall.note?.flags).toBe(2);
    expect(noteInputs.map((input) => input.language)).toEqual(['pt-BR', 'en']);
    for (const input of noteInputs) {
      input.segments.forEach((segment, index) => expect(segment.id).toBe(`s${index + 1}`));
    }

    const table = formatEvalReport(report).split('\n');
    expect(table).toHaveLength(1 + consultations.length + 1);
    expect(table[0]).toMatch(/consultation.*WER.*with evidence.*flags/);
    expect(table.at(-1)).toMatch(/^overall/);
  }, 300_000);

  it('should score 0% for a transcript that says exactly the script, however it writes numbers', async () => {
    const consultations = scriptedConsultations.filter((consultation) =>
      ['pt-garganta', 'en-ear'].includes(consultation.id),
    );
    // Written the way Whisper tends to write: 38.5°C, 12/8, 500 mg.
    const heard: Record<string, string> = {
      'pt-garganta': consultations[0]!.turns
        .map((turn) => turn.text)
        .join(' ')
        .replace('38,5 graus', '38,5°C')
        .replace('12 por 8', '12/8')
        .replace('500 miligramas', '500 mg'),
      'en-ear': consultations[1]!.turns
        .map((turn) => turn.text)
        .join(' ')
        .replace('118 over 76', 'one hundred and eighteen over seventy-six'),
    };
    expect(heard['pt-garganta']).toMatch(/38,5°C.*12\/8.*500 mg/);
    expect(heard['en-ear']).toContain('one hundred and eighteen');
    const report = await runEval({
      consultations,
      stt: {
        name: 'script reader',
        transcribe: async (audio) => ({
          language: undefined,
          segments: [{ start: 0, end: audio.durationSec, text: heard[path.basename(audio.path, '.wav')]! }],
        }),
      },
    });
    expect(report.rows.map((row) => [row.id, row.words.rate])).toEqual([
      ['pt-garganta', 0],
      ['en-ear', 0],
    ]);
    expect(report.overall.note).toBeUndefined();
    expect(formatEvalReport(report)).not.toMatch(/with evidence/);
  });
});
