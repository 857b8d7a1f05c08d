import type { ChatMessage } from '@healthcare/ai/llm/note-writer';
import type { ChatHistoryItem, GbnfJsonSchema } from 'node-llama-cpp';

/** A note small enough that a random model's answer always ends inside our writer's token limit. */
export const noteSchema = {
  type: 'object',
  properties: { summary: { type: 'string', maxLength: 24 } },
  required: ['summary'],
  additionalProperties: false,
} as const satisfies GbnfJsonSchema;

const transcript =
  'Clinician: What brings you in? Patient: Fever and a dry cough for three days. Clinician: Any pain? Patient: When I breathe in.';

/** The messages of run `run`: its first word differs, so no run reuses another's evaluated prompt. */
export const messagesOf = (run: number): ChatMessage[] => [
  { role: 'system', content: `${String.fromCharCode(65 + (run % 26))}. Write a clinical note.` },
  { role: 'user', content: transcript },
];

/**
 * The history our embedded writer builds from the same messages (one system turn first, the
 * schema in it), for the direct side's prompt tokens; the bench checks both counts agree.
 */
export const historyOf = (messages: ChatMessage[], withSchema: boolean): ChatHistoryItem[] => [
  {
    type: 'system',
    text: [
      messages[0]!.content,
      ...(withSchema
        ? [`Answer with one JSON object only, matching this JSON Schema:\n${JSON.stringify(noteSchema)}`]
        : []),
    ].join('\n\n'),
  },
  { type: 'user', text: messages[1]!.content },
  { type: 'model', response: [] },
];
