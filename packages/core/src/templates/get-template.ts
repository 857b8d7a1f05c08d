import { eq } from 'drizzle-orm';
import { findBuiltInTemplate } from '@healthcare/ai/notes/built-in-templates';
import type { Actor } from '../auth/actor';
import type { Database } from '../db/database';
import { noteTemplates } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { notFound } from '../errors/app-error';
import type { TemplateView } from './template-schemas';
import { builtInTemplateView, clinicTemplateView } from './to-template-view';

export async function getTemplate(
  db: Database,
  actor: Actor,
  key: string,
  language: string,
): Promise<TemplateView> {
  const builtIn = findBuiltInTemplate(key);
  if (builtIn) return builtInTemplateView(builtIn, language);
  const [row] = await withTenant(db, actor.clinicId, (tx) =>
    tx.select().from(noteTemplates).where(eq(noteTemplates.key, key)),
  );
  if (!row) throw notFound('The template');
  return clinicTemplateView(row);
}
