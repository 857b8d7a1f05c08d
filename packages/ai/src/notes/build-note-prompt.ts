import type { ChatMessage } from '../llm/note-writer';
import { localize, type NoteTemplate } from './note-template';

export interface PromptSegment {
  /** The short id the model cites (`S1`, `S2`, …). */
  ref: string;
  start: number;
  end: number;
  text: string;
  speaker?: string | null;
}

const languageNames: Record<string, string> = {
  'pt-BR': 'Brazilian Portuguese',
  en: 'English',
  es: 'Spanish',
};

/**
 * Instructions and transcript for one note. The transcript lines carry short ids so every
 * statement can cite what supports it; the rules keep the model to what was actually said.
 */
export function buildNotePrompt(
  template: NoteTemplate,
  language: string,
  segments: PromptSegment[],
): ChatMessage[] {
  const sections = template.sections
    .map(
      (section) =>
        `- ${section.key} ("${localize(section.title, language)}"): ${localize(section.instructions, language)}`,
    )
    .join('\n');
  const system = [
    'You are a clinical documentation assistant. You write the clinical note of one consultation from its transcript.',
    `Write in ${languageNames[language] ?? language}, in the concise style of a medical record.`,
    `The note has these sections (key, title, what belongs in it):\n${sections}`,
    'Rules:',
    '- Each section is a list of short statements. Each statement cites, in "evidence", the ids of the transcript lines that support it.',
    '- Use only what was said in the transcript. Never add findings, doses, numbers or diagnoses that were not said.',
    '- Keep numbers, units, doses, frequencies and sides (left/right) exactly as said. Keep negations: a symptom the patient denies is written as denied.',
    '- A section with nothing said about it is an empty list.',
    'Answer with JSON only, matching the given schema.',
  ].join('\n');
  const transcript = segments
    .map(
      (segment) =>
        `[${segment.ref} ${clock(segment.start)}–${clock(segment.end)}]${segment.speaker ? ` ${segment.speaker}:` : ''} ${segment.text}`,
    )
    .join('\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: `Transcript:\n${transcript || '(empty)'}` },
  ];
}

function clock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}
