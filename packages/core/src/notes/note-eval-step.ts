import type { NoteStep } from '@healthcare/ai/eval/run-eval';
import type { NoteWriter } from '@healthcare/ai/llm/note-writer';
import { findBuiltInTemplate } from '@healthcare/ai/notes/built-in-templates';
import type { NoteOutputLimits } from '@healthcare/ai/notes/note-output-schema';
import { writeCheckedNote } from './write-checked-note';

/**
 * The eval harness's note step: the product's own note writing and evidence checking on each
 * transcribed consultation, reduced to the figures the report prints.
 */
export function createNoteEvalStep(
  writer: NoteWriter,
  limits: NoteOutputLimits,
  templateKey = 'soap',
): NoteStep {
  const template = findBuiltInTemplate(templateKey);
  if (!template) throw new Error(`No built-in template “${templateKey}”.`);
  return async ({ language, segments }) => {
    const { sections } = await writeCheckedNote({
      writer,
      requireWriter: (given) => given!,
      template,
      language,
      transcript: segments,
      limits,
    });
    const items = sections.flatMap((section) => section.items);
    return {
      items: items.length,
      itemsWithEvidence: items.filter((item) => item.evidence.length > 0).length,
      flags: items.reduce((total, item) => total + item.flags.length, 0),
    };
  };
}
