import { eq } from 'drizzle-orm';
import { findBuiltInTemplate } from '@healthcare/ai/notes/built-in-templates';
import type { NoteTemplate } from '@healthcare/ai/notes/note-template';
import type { TenantTransaction } from '../db/database';
import { noteTemplates } from '../db/schema';

/** A built-in template, or one of the clinic's own (row-level security scopes the lookup). */
export async function resolveTemplate(tx: TenantTransaction, key: string): Promise<NoteTemplate | undefined> {
  const builtIn = findBuiltInTemplate(key);
  if (builtIn) return builtIn;
  const [row] = await tx.select().from(noteTemplates).where(eq(noteTemplates.key, key));
  return row
    ? { key: row.key, name: { 'pt-BR': row.name, en: row.name }, sections: row.sections }
    : undefined;
}
