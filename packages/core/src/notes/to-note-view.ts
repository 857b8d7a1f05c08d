import type { noteAddenda, notes, noteVersions } from '../db/schema';
import type { NoteView } from './note-schemas';

export function toNoteView(
  note: typeof notes.$inferSelect,
  version: typeof noteVersions.$inferSelect,
  addenda: (typeof noteAddenda.$inferSelect)[],
  model: string | null,
): NoteView {
  const sections = version.sections.map((section) => ({
    key: section.key,
    title: section.title,
    items: section.items.map((item) => ({
      id: item.id,
      text: item.text,
      evidence: item.evidence,
      flags: item.flags.map((flag) => ({
        kind: flag.kind as NoteView['sections'][number]['items'][number]['flags'][number]['kind'],
        message: flag.message,
        acknowledged: Boolean(flag.acknowledgedAt),
        acknowledgedBy: flag.acknowledgedBy ?? null,
        acknowledgedAt: flag.acknowledgedAt ?? null,
      })),
    })),
  }));
  return {
    id: note.id,
    encounterId: note.encounterId,
    status: note.signedAt ? 'signed' : 'draft',
    template: note.template,
    language: note.language,
    version: note.currentVersion,
    sections,
    openFlags: countOpenFlags(version.sections),
    model,
    signedAt: note.signedAt?.toISOString() ?? null,
    signedBy: note.signedBy,
    addenda: addenda.map((addendum) => ({
      id: addendum.id,
      text: addendum.text,
      authorId: addendum.authorId,
      createdAt: addendum.createdAt.toISOString(),
    })),
    updatedAt: note.updatedAt.toISOString(),
  };
}

export function countOpenFlags(sections: (typeof noteVersions.$inferSelect)['sections']): number {
  return sections.reduce(
    (total, section) =>
      total +
      section.items.reduce((sum, item) => sum + item.flags.filter((flag) => !flag.acknowledgedAt).length, 0),
    0,
  );
}
