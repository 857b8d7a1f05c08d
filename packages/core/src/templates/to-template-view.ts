import type { NoteTemplate } from '@healthcare/ai/notes/note-template';
import type { noteTemplates } from '../db/schema';
import type { TemplateView } from './template-schemas';

export function builtInTemplateView(template: NoteTemplate, language: string): TemplateView {
  const name = language.startsWith('pt') ? template.name['pt-BR'] : template.name.en;
  return { ...template, name, builtIn: true, createdAt: null, updatedAt: null, archivedAt: null };
}

export function clinicTemplateView(row: typeof noteTemplates.$inferSelect): TemplateView {
  return {
    key: row.key,
    name: row.name,
    builtIn: false,
    sections: row.sections,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}
