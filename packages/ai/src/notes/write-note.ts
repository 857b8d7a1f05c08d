import type { ChatMessage, NoteWriter } from '../llm/note-writer';
import { buildNotePrompt } from './build-note-prompt';
import { localize, type NoteTemplate } from './note-template';
import {
  defaultNoteOutputLimits,
  noteOutputJsonSchema,
  noteOutputSchema,
  type NoteOutputLimits,
} from './note-output-schema';

export interface TranscriptLine {
  id: string;
  start: number;
  end: number;
  text: string;
  speaker?: string | null;
}

export interface WrittenNote {
  sections: {
    key: string;
    title: string;
    /** `evidence` holds the ids the model cited, mapped back to transcript ids where they exist. */
    items: { text: string; evidence: string[] }[];
  }[];
  model: string;
  usage: { inputTokens: number; outputTokens: number };
  attempts: number;
}

/** The model answered twice with something that is not a note of the requested shape. */
export class InvalidNoteOutputError extends Error {
  constructor(readonly detail: string) {
    super(`The language model did not return a valid note (${detail}).`);
    this.name = 'InvalidNoteOutputError';
  }
}

/**
 * Asks the model for a note and accepts only what matches the template's schema. An invalid
 * answer is retried once with the problem pointed out; a second one fails the note clearly.
 */
export async function writeNote(input: {
  writer: NoteWriter;
  template: NoteTemplate;
  language: string;
  transcript: TranscriptLine[];
  limits?: NoteOutputLimits;
  signal?: AbortSignal;
}): Promise<WrittenNote> {
  const limits = input.limits ?? defaultNoteOutputLimits;
  const refs = input.transcript.map((_, index) => `S${index + 1}`);
  const idByRef = new Map(refs.map((ref, index) => [ref, input.transcript[index]!.id]));
  const messages = buildNotePrompt(
    input.template,
    input.language,
    input.transcript.map((line, index) => ({ ...line, ref: refs[index]! })),
  );
  const jsonSchema = noteOutputJsonSchema(input.template, refs, limits);
  const accept = noteOutputSchema(input.template, limits);
  const usage = { inputTokens: 0, outputTokens: 0 };

  let conversation: ChatMessage[] = messages;
  let problem = '';
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const completion = await input.writer.complete({
      messages: conversation,
      jsonSchema,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    usage.inputTokens += completion.usage.inputTokens;
    usage.outputTokens += completion.usage.outputTokens;
    const json = parseJson(completion.text);
    const parsed = accept.safeParse(json);
    if (parsed.success) {
      return {
        sections: input.template.sections.map((section) => ({
          key: section.key,
          title: localize(section.title, input.language),
          items: (parsed.data.sections[section.key] ?? [])
            .map((item) => ({
              text: item.text.trim(),
              evidence: [...new Set(item.evidence)].map((ref) => idByRef.get(ref) ?? ref),
            }))
            .filter((item) => item.text !== ''),
        })),
        model: completion.model,
        usage,
        attempts: attempt,
      };
    }
    problem =
      json === undefined
        ? 'the answer is not JSON'
        : parsed.error.issues
            .slice(0, 3)
            .map((issue) => `${issue.path.join('.') || 'answer'}: ${issue.message}`)
            .join('; ');
    conversation = [
      ...messages,
      { role: 'assistant', content: completion.text.slice(0, 4_000) },
      {
        role: 'user',
        content: `That answer is not valid (${problem}). Answer again with JSON that matches the schema exactly.`,
      },
    ];
  }
  throw new InvalidNoteOutputError(problem);
}

function parseJson(text: string): unknown {
  // Some servers wrap JSON in a Markdown fence even when asked not to.
  const unfenced = text.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/, '$1');
  try {
    return JSON.parse(unfenced);
  } catch {
    return undefined;
  }
}
