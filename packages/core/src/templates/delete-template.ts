import { count, eq } from 'drizzle-orm';
import { findBuiltInTemplate } from '@healthcare/ai/notes/built-in-templates';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { encounters, noteTemplates, notes } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { AppError, notFound } from '../errors/app-error';
import { requireRole } from '../users/require-role';
import { builtInIsReadOnly } from './update-template';

/**
 * Deletes a clinic template no encounter ever used (a mistake, a test). One in use is archived
 * instead: deleting it would leave its encounters without the template their note came from.
 */
export async function deleteTemplate(db: Database, actor: Actor, key: string): Promise<void> {
  requireRole(actor, ['admin']);
  if (findBuiltInTemplate(key)) throw builtInIsReadOnly();
  await withTenant(db, actor.clinicId, async (tx) => {
    const [current] = await tx.select().from(noteTemplates).where(eq(noteTemplates.key, key)).for('update');
    if (!current) throw notFound('The template');
    // A note written again with another template may still carry the first one until it is done.
    const [byEncounters] = await tx
      .select({ n: count() })
      .from(encounters)
      .where(eq(encounters.template, key));
    const [byNotes] = await tx.select({ n: count() }).from(notes).where(eq(notes.template, key));
    const uses = (byEncounters?.n ?? 0) + (byNotes?.n ?? 0);
    if (uses > 0)
      throw new AppError(
        'conflict',
        `The template “${key}” is in use by encounters or notes, so it cannot be deleted: archive it instead (POST /templates/${key}/archive).`,
        { members: { inUse: true } },
      );
    await tx.delete(noteTemplates).where(eq(noteTemplates.id, current.id));
    await recordAuditEvents(tx, actor, [
      { action: 'template.delete', resourceType: 'note_template', resourceId: current.id, details: { key } },
    ]);
  });
}
