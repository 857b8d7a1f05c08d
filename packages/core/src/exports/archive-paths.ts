import type { documents, encounters, notes } from '../db/schema';

/**
 * Where each file lies in the archive. Stored file names are already sanitized (no directories,
 * no control characters); the id prefix keeps two uploads named alike apart.
 */
export function documentArchivePath(
  document: Pick<typeof documents.$inferSelect, 'id' | 'fileName'>,
): string {
  return `documents/${document.id.slice(0, 8)}-${document.fileName}`;
}

export function notePdfArchivePath(
  note: Pick<typeof notes.$inferSelect, 'id'>,
  encounter: Pick<typeof encounters.$inferSelect, 'createdAt'>,
): string {
  return `notes/${encounter.createdAt.toISOString().slice(0, 10)}-${note.id}.pdf`;
}
