import { foreignKey, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { notes } from './notes';
import { users } from './users';

/** What a clinician adds to a note after signing it; the signed text itself never changes. */
export const noteAddenda = pgTable(
  'note_addenda',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    noteId: uuid('note_id').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    foreignKey({
      columns: [table.clinicId, table.noteId],
      foreignColumns: [notes.clinicId, notes.id],
    }).onDelete('cascade'),
    index('note_addenda_note_idx').on(table.noteId, table.createdAt),
  ],
);
