import { eq } from 'drizzle-orm';
import { findBuiltInTemplate } from '@healthcare/ai/notes/built-in-templates';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { noteTemplates } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { notFound } from '../errors/app-error';
import { requireRole } from '../users/require-role';
import { builtInIsReadOnly } from './update-template';

/** Notes already written keep their sections; encounters still waiting for a note fail with a clear reason. */
export async function deleteTemplate(db: Database, actor: Actor, key: string): Promise<void> {
  requireRole(actor, ['admin']);
  if (findBuiltInTemplate(key)) throw builtInIsReadOnly();
  await withTenant(db, actor.clinicId, async (tx) => {
    const [row] = await tx.delete(noteTemplates).where(eq(noteTemplates.key, key)).returning();
    if (!row) throw notFound('The template');
    await recordAuditEvents(tx, actor, [
      { action: 'template.delete', resourceType: 'note_template', resourceId: row.id, details: { key } },
    ]);
  });
}
