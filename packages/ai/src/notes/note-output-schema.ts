import { z } from 'zod';
import type { NoteTemplate } from './note-template';

export interface NoteOutputLimits {
  /** Statements per section. */
  maxItems: number;
  /** Characters per statement: unbounded strings let a grammar-constrained model run to its token limit. */
  maxItemChars: number;
  /** Segments cited by one statement. */
  maxEvidence: number;
}

export const defaultNoteOutputLimits: NoteOutputLimits = { maxItems: 30, maxItemChars: 400, maxEvidence: 8 };

// Past this many segments the id enum makes prompts and grammars needlessly large; ids are then
// free strings, and the evidence checker catches any that do not exist.
const maxEnumeratedIds = 2_000;

/**
 * The JSON schema the model must answer with: one array of `{ text, evidence }` per template
 * section. Evidence ids are the prompt's short segment ids, enumerated so constrained decoders
 * (structured outputs, grammars) cannot invent one.
 */
export function noteOutputJsonSchema(template: NoteTemplate, segmentIds: string[], limits: NoteOutputLimits) {
  const evidenceId =
    segmentIds.length > 0 && segmentIds.length <= maxEnumeratedIds
      ? { type: 'string', enum: segmentIds }
      : { type: 'string', maxLength: 12 };
  const item = {
    type: 'object',
    properties: {
      text: { type: 'string', minLength: 1, maxLength: limits.maxItemChars },
      evidence: { type: 'array', items: evidenceId, maxItems: limits.maxEvidence },
    },
    required: ['text', 'evidence'],
    additionalProperties: false,
  };
  const keys = template.sections.map((section) => section.key);
  return {
    name: 'clinical_note',
    schema: {
      type: 'object',
      properties: {
        sections: {
          type: 'object',
          properties: Object.fromEntries(
            keys.map((key) => [key, { type: 'array', items: item, maxItems: limits.maxItems }]),
          ),
          required: keys,
          additionalProperties: false,
        },
      },
      required: ['sections'],
      additionalProperties: false,
    },
  };
}

/** The same contract as a zod schema: what is actually accepted from any provider. */
export function noteOutputSchema(template: NoteTemplate, limits: NoteOutputLimits) {
  // JSON Schema counts code points, as constrained decoders do; zod's max() would count UTF-16 units.
  const codePoints = (text: string) => [...text].length;
  const item = z.object({
    text: z.string().refine((text) => codePoints(text) >= 1 && codePoints(text) <= limits.maxItemChars, {
      message: `Each statement has 1 to ${limits.maxItemChars} characters`,
    }),
    evidence: z.array(z.string()).max(limits.maxEvidence),
  });
  return z.object({
    sections: z.object(
      Object.fromEntries(
        template.sections.map((section) => [section.key, z.array(item).max(limits.maxItems)]),
      ),
    ),
  });
}

export type NoteOutput = { sections: Record<string, { text: string; evidence: string[] }[]> };
