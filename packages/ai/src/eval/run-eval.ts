import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SpeechToText } from '../stt/speech-to-text';
import { normalizeTranscript } from './normalize-transcript';
import { renderConsultation } from './render-consultation';
import {
  scriptedConsultations,
  type EvalLanguage,
  type ScriptedConsultation,
} from './scripted-consultations';
import { assertEspeakInstalled } from './synthesize-speech';
import { wordErrorRate, type WordErrors } from './word-error-rate';

export interface NoteStepInput {
  language: EvalLanguage;
  segments: { id: string; start: number; end: number; text: string }[];
}
/** What a note step reports for one consultation: statements written, those citing evidence, flags raised. */
export interface NoteFigures {
  items: number;
  itemsWithEvidence: number;
  flags: number;
}
export type NoteStep = (input: NoteStepInput) => Promise<NoteFigures>;

export interface EvalRow {
  id: string;
  title: string;
  language: EvalLanguage;
  audioSec: number;
  transcribeSec: number;
  words: WordErrors;
  /** What the engine heard, as it said it (the consultations are invented: no patient data). */
  hypothesis: string;
  note?: NoteFigures;
}

export interface EvalReport {
  engine: string;
  rows: EvalRow[];
  /** Errors over all reference words (not the mean of the rows' rates), so long consultations weigh more. */
  overall: Omit<EvalRow, 'id' | 'title' | 'language' | 'hypothesis'>;
}

/**
 * Speaks each scripted consultation with espeak-ng, transcribes it with `stt`, and scores the
 * transcript against the script. With `noteStep`, the transcript's segments (ids `s1`, `s2`, …)
 * go on to it and its figures are reported beside the word error rate.
 */
export async function runEval(options: {
  stt: SpeechToText;
  noteStep?: NoteStep;
  consultations?: readonly ScriptedConsultation[];
  onRow?: (row: EvalRow) => void;
}): Promise<EvalReport> {
  await assertEspeakInstalled();
  const scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-eval-'));
  const rows: EvalRow[] = [];
  try {
    for (const consultation of options.consultations ?? scriptedConsultations) {
      const audio = await renderConsultation(consultation, scratch);
      const started = performance.now();
      const transcript = await options.stt.transcribe(audio, { language: consultation.language });
      const transcribeSec = (performance.now() - started) / 1000;
      const hypothesis = transcript.segments.map((segment) => segment.text.trim()).join(' ');
      const reference = consultation.turns.map((turn) => turn.text).join(' ');
      const row: EvalRow = {
        id: consultation.id,
        title: consultation.title,
        language: consultation.language,
        audioSec: audio.durationSec,
        transcribeSec,
        words: wordErrorRate(
          normalizeTranscript(reference, consultation.language),
          normalizeTranscript(hypothesis, consultation.language),
        ),
        hypothesis,
      };
      if (options.noteStep) {
        row.note = await options.noteStep({
          language: consultation.language,
          segments: transcript.segments.map((segment, index) => ({ id: `s${index + 1}`, ...segment })),
        });
      }
      rows.push(row);
      options.onRow?.(row);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { engine: options.stt.name, rows, overall: summarize(rows) };
}

function summarize(rows: EvalRow[]): EvalReport['overall'] {
  const sum = (value: (row: EvalRow) => number) => rows.reduce((total, row) => total + value(row), 0);
  const referenceWords = sum((row) => row.words.referenceWords);
  const substitutions = sum((row) => row.words.substitutions);
  const deletions = sum((row) => row.words.deletions);
  const insertions = sum((row) => row.words.insertions);
  const noted = rows.filter((row) => row.note);
  return {
    audioSec: sum((row) => row.audioSec),
    transcribeSec: sum((row) => row.transcribeSec),
    words: {
      referenceWords,
      substitutions,
      deletions,
      insertions,
      rate: (substitutions + deletions + insertions) / Math.max(1, referenceWords),
    },
    ...(noted.length > 0
      ? {
          note: {
            items: sum((row) => row.note?.items ?? 0),
            itemsWithEvidence: sum((row) => row.note?.itemsWithEvidence ?? 0),
            flags: sum((row) => row.note?.flags ?? 0),
          },
        }
      : {}),
  };
}
