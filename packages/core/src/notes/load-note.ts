import { and, asc, desc, eq } from 'drizzle-orm';
import type { TenantTransaction } from '../db/database';
import { noteAddenda, notes, noteVersions } from '../db/schema';
import { AppError } from '../errors/app-error';

/** The encounter's note with its current version, locked when the caller is about to change it. */
export async function loadNote(
  tx: TenantTransaction,
  encounterId: string,
  options: { forUpdate?: boolean } = {},
) {
  const query = tx.select().from(notes).where(eq(notes.encounterId, encounterId));
  const [note] = options.forUpdate ? await query.for('update') : await query;
  if (!note) throw new AppError('not_found', 'This encounter has no note yet.');
  const [version] = await tx
    .select()
    .from(noteVersions)
    .where(and(eq(noteVersions.noteId, note.id), eq(noteVersions.version, note.currentVersion)));
  if (!version) throw new Error('the note has no current version');
  const [first] = await tx
    .select({ model: noteVersions.model })
    .from(noteVersions)
    .where(and(eq(noteVersions.noteId, note.id), eq(noteVersions.source, 'generated')))
    .orderBy(desc(noteVersions.version))
    .limit(1);
  const addenda = await tx
    .select()
    .from(noteAddenda)
    .where(eq(noteAddenda.noteId, note.id))
    .orderBy(asc(noteAddenda.createdAt));
  return { note, version, addenda, model: first?.model ?? null };
}
