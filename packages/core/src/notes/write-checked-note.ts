import type { NoteWriter } from '@healthcare/ai/llm/note-writer';
import { localize, type NoteTemplate } from '@healthcare/ai/notes/note-template';
import type { NoteOutputLimits } from '@healthcare/ai/notes/note-output-schema';
import { writeNote, type TranscriptLine, type WrittenNote } from '@healthcare/ai/notes/write-note';
import type { StoredNoteSection } from '../db/schema';
import { flagWrittenSections } from './flag-items';

/**
 * A note written by the model and checked against its evidence: what the job stores and what
 * the eval harness scores. With nothing said, every section is empty and no model is asked.
 */
export async function writeCheckedNote(input: {
  writer: NoteWriter | undefined;
  template: NoteTemplate;
  language: string;
  transcript: TranscriptLine[];
  limits: NoteOutputLimits;
  requireWriter: (writer: NoteWriter | undefined) => NoteWriter;
}): Promise<{ sections: StoredNoteSection[]; written: WrittenNote | undefined }> {
  const segments = new Map(input.transcript.map((line) => [line.id, { text: line.text }]));
  if (input.transcript.length === 0) {
    const sections = input.template.sections.map((section) => ({
      key: section.key,
      title: localize(section.title, input.language),
      items: [],
    }));
    return { sections, written: undefined };
  }
  const written = await writeNote({
    writer: input.requireWriter(input.writer),
    template: input.template,
    language: input.language,
    transcript: input.transcript,
    limits: input.limits,
  });
  return { sections: flagWrittenSections(written.sections, segments, input.language), written };
}
