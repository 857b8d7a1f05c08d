import { eq } from 'drizzle-orm';
import { findBuiltInTemplate } from '@healthcare/ai/notes/built-in-templates';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { noteTemplates } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { AppError, notFound } from '../errors/app-error';
import { requireRole } from '../users/require-role';
import type { TemplateView } from './template-schemas';
import { clinicTemplateView } from './to-template-view';

/**
 * Takes a clinic template out of use: left out of the list, refused for a new encounter or a
 * note written again, while the encounters and notes already using it go on as they were.
 */
export function archiveTemplate(db: Database, actor: Actor, key: string): Promise<TemplateView> {
  return setArchived(db, actor, key, true);
}

/** Puts an archived clinic template back in use. */
export function restoreTemplate(db: Database, actor: Actor, key: string): Promise<TemplateView> {
  return setArchived(db, actor, key, false);
}

async function setArchived(
  db: Database,
  actor: Actor,
  key: string,
  archived: boolean,
): Promise<TemplateView> {
  requireRole(actor, ['admin']);
  if (findBuiltInTemplate(key))
    throw new AppError('conflict', 'Built-in templates are always available: they cannot be archived.');
  return withTenant(db, actor.clinicId, async (tx) => {
    const [current] = await tx.select().from(noteTemplates).where(eq(noteTemplates.key, key)).for('update');
    if (!current) throw notFound('The template');
    // Asking twice is not an error, and not a second event in the trail either.
    if ((current.archivedAt !== null) === archived) return clinicTemplateView(current);
    const [row] = await tx
      .update(noteTemplates)
      .set({ archivedAt: archived ? new Date() : null })
      .where(eq(noteTemplates.id, current.id))
      .returning();
    if (!row) throw new Error('update returned no row');
    await recordAuditEvents(tx, actor, [
      {
        action: archived ? 'template.archive' : 'template.restore',
        resourceType: 'note_template',
        resourceId: row.id,
        details: { key },
      },
    ]);
    return clinicTemplateView(row);
  });
}
