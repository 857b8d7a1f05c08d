import { jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { NoteTemplateSection } from '@healthcare/ai/notes/note-template';
import { clinics } from './clinics';
import { users } from './users';

/** A clinic's own note templates; the built-in ones live in code and are never stored. */
export const noteTemplates = pgTable(
  'note_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    sections: jsonb('sections').$type<NoteTemplateSection[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when an admin archives it: no new note starts from it; those already using it go on. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (table) => [unique('note_templates_clinic_key_unique').on(table.clinicId, table.key)],
);
