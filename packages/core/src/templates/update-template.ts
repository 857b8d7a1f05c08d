import { eq } from 'drizzle-orm';
import { findBuiltInTemplate } from '@healthcare/ai/notes/built-in-templates';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { noteTemplates } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { AppError, notFound } from '../errors/app-error';
import { requireRole } from '../users/require-role';
import type { TemplateView, UpdateTemplateInput } from './template-schemas';
import { clinicTemplateView } from './to-template-view';

export const builtInIsReadOnly = () =>
  new AppError('conflict', 'Built-in templates cannot be changed. Create your own template instead.');

/** Notes already written keep their sections; the change applies to the next note. */
export async function updateTemplate(
  db: Database,
  actor: Actor,
  key: string,
  patch: UpdateTemplateInput,
): Promise<TemplateView> {
  requireRole(actor, ['admin']);
  if (findBuiltInTemplate(key)) throw builtInIsReadOnly();
  return withTenant(db, actor.clinicId, async (tx) => {
    const [row] = await tx
      .update(noteTemplates)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.sections !== undefined ? { sections: patch.sections } : {}),
        updatedAt: new Date(),
      })
      .where(eq(noteTemplates.key, key))
      .returning();
    if (!row) throw notFound('The template');
    await recordAuditEvents(tx, actor, [
      {
        action: 'template.update',
        resourceType: 'note_template',
        resourceId: row.id,
        details: { key, fields: Object.keys(patch).sort().join(',') },
      },
    ]);
    return clinicTemplateView(row);
  });
}
