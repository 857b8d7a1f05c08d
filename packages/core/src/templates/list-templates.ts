import { asc, isNull } from 'drizzle-orm';
import { builtInTemplates } from '@healthcare/ai/notes/built-in-templates';
import type { Actor } from '../auth/actor';
import type { Database } from '../db/database';
import { noteTemplates } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import type { TemplateView } from './template-schemas';
import { builtInTemplateView, clinicTemplateView } from './to-template-view';

/**
 * Built-in templates first, then the clinic's own by key; archived ones only when asked for.
 * Templates hold no patient data: not audited.
 */
export async function listTemplates(
  db: Database,
  actor: Actor,
  language: string,
  options: { includeArchived?: boolean } = {},
): Promise<TemplateView[]> {
  const rows = await withTenant(db, actor.clinicId, (tx) =>
    tx
      .select()
      .from(noteTemplates)
      .where(options.includeArchived ? undefined : isNull(noteTemplates.archivedAt))
      .orderBy(asc(noteTemplates.key)),
  );
  return [
    ...builtInTemplates.map((template) => builtInTemplateView(template, language)),
    ...rows.map(clinicTemplateView),
  ];
}
