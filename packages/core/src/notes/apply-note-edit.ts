import { randomUUID } from 'node:crypto';
import type { StoredEvidenceFlag, StoredNoteSection } from '../db/schema';
import { AppError, type FieldError } from '../errors/app-error';
import { checkEvidence } from './check-evidence';
import { inTranscriptOrder } from './flag-items';
import type { UpdateNoteInput } from './note-schemas';

type Segments = ReadonlyMap<string, { text: string }>;

/**
 * The next version's sections from the current ones and an edit (`segments` in transcript order). A statement whose text and
 * evidence did not change keeps its flags (and their acknowledgements); a changed one is
 * checked again. Sections not sent stay as they are.
 */
export function applyNoteEdit(
  current: StoredNoteSection[],
  edit: UpdateNoteInput,
  segments: Segments,
  language: string,
  actor: { userId: string },
  now: Date,
): StoredNoteSection[] {
  const errors: FieldError[] = [];
  const editedByKey = new Map(edit.sections.map((section, index) => [section.key, { section, index }]));
  edit.sections.forEach((section, index) => {
    if (!current.some((candidate) => candidate.key === section.key))
      errors.push({
        pointer: `/sections/${index}/key`,
        detail: 'This note has no such section',
        code: 'unknown_section',
      });
  });

  const next = current.map((section) => {
    const edited = editedByKey.get(section.key);
    if (!edited) return section;
    const previousById = new Map(section.items.map((item) => [item.id, item]));
    return {
      ...section,
      items: edited.section.items.map((item, itemIndex) => {
        const pointer = `/sections/${edited.index}/items/${itemIndex}`;
        const previous = item.id ? previousById.get(item.id) : undefined;
        if (item.id && !previous)
          errors.push({
            pointer: `${pointer}/id`,
            detail: 'This section has no item with this id',
            code: 'unknown_item',
          });
        const evidence = item.evidence ?? previous?.evidence ?? [];
        evidence.forEach((id, evidenceIndex) => {
          if (!segments.has(id))
            errors.push({
              pointer: `${pointer}/evidence/${evidenceIndex}`,
              detail: 'This is not a segment of the encounter’s transcript',
              code: 'unknown_segment',
            });
        });
        const unchanged =
          previous !== undefined && previous.text === item.text && sameIds(previous.evidence, evidence);
        const flags: StoredEvidenceFlag[] = unchanged
          ? previous.flags
          : checkEvidence(
              { text: item.text, evidence: inTranscriptOrder(evidence, segments) },
              segments,
              language,
            );
        return {
          id: previous?.id ?? randomUUID(),
          text: item.text,
          evidence: [...new Set(evidence)],
          flags: item.acknowledgeFlags
            ? flags.map((flag) => ({
                ...flag,
                acknowledgedBy: flag.acknowledgedBy ?? actor.userId,
                acknowledgedAt: flag.acknowledgedAt ?? now.toISOString(),
              }))
            : flags,
        };
      }),
    };
  });
  if (errors.length > 0)
    throw new AppError('validation_failed', 'Some of the edit does not fit this note.', {
      fieldErrors: errors,
    });
  return next;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
