import { findBuiltInTemplate } from '@healthcare/ai/notes/built-in-templates';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { isUniqueViolation } from '../db/postgres-errors';
import { noteTemplates } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { AppError } from '../errors/app-error';
import { requireRole } from '../users/require-role';
import type { CreateTemplateInput, TemplateView } from './template-schemas';
import { clinicTemplateView } from './to-template-view';

export const templateKeyTaken = (key: string) =>
  new AppError('conflict', `A template with the key “${key}” already exists. Choose another key.`, {
    fieldErrors: [{ pointer: '/key', detail: 'This key is taken', code: 'taken' }],
  });

export async function createTemplate(
  db: Database,
  actor: Actor,
  input: CreateTemplateInput,
): Promise<TemplateView> {
  requireRole(actor, ['admin']);
  if (findBuiltInTemplate(input.key)) throw templateKeyTaken(input.key);
  try {
    return await withTenant(db, actor.clinicId, async (tx) => {
      const [row] = await tx
        .insert(noteTemplates)
        .values({
          clinicId: actor.clinicId,
          key: input.key,
          name: input.name,
          sections: input.sections,
          createdBy: actor.userId,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      await recordAuditEvents(tx, actor, [
        {
          action: 'template.create',
          resourceType: 'note_template',
          resourceId: row.id,
          details: { key: row.key },
        },
      ]);
      return clinicTemplateView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'note_templates_clinic_key_unique')) throw templateKeyTaken(input.key);
    throw error;
  }
}
