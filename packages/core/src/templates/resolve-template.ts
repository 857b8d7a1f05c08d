import { eq } from 'drizzle-orm';
import { findBuiltInTemplate } from '@healthcare/ai/notes/built-in-templates';
import type { NoteTemplate } from '@healthcare/ai/notes/note-template';
import type { TenantTransaction } from '../db/database';
import { noteTemplates } from '../db/schema';
import { AppError } from '../errors/app-error';

/**
 * A built-in template, or one of the clinic's own (row-level security scopes the lookup),
 * archived or not: a note already under way keeps the template it started with.
 */
export async function resolveTemplate(tx: TenantTransaction, key: string): Promise<NoteTemplate | undefined> {
  return (await findTemplate(tx, key))?.template;
}

/** The template for a new note (a new encounter, a note written again): an archived one is refused. */
export async function resolveOpenTemplate(
  tx: TenantTransaction,
  key: string,
): Promise<NoteTemplate | undefined> {
  const found = await findTemplate(tx, key);
  if (found?.archived) throw templateArchived(key);
  return found?.template;
}

export const templateArchived = (key: string) =>
  new AppError(
    'conflict',
    `The template “${key}” is archived: choose another template, or ask an admin to restore it.`,
    { members: { template: key } },
  );

async function findTemplate(
  tx: TenantTransaction,
  key: string,
): Promise<{ template: NoteTemplate; archived: boolean } | undefined> {
  const builtIn = findBuiltInTemplate(key);
  if (builtIn) return { template: builtIn, archived: false };
  const [row] = await tx.select().from(noteTemplates).where(eq(noteTemplates.key, key));
  return row
    ? {
        template: { key: row.key, name: { 'pt-BR': row.name, en: row.name }, sections: row.sections },
        archived: row.archivedAt !== null,
      }
    : undefined;
}
