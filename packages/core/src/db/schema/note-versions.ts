import { foreignKey, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { notes } from './notes';
import { users } from './users';

export interface StoredEvidenceFlag {
  kind: string;
  message: string;
  acknowledgedBy?: string;
  acknowledgedAt?: string;
}

export interface StoredNoteSection {
  key: string;
  title: string;
  items: { id: string; text: string; evidence: string[]; flags: StoredEvidenceFlag[] }[];
}

/** Immutable snapshots of a note: what the model wrote, then each edit. */
export const noteVersions = pgTable(
  'note_versions',
  {
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    noteId: uuid('note_id').notNull(),
    version: integer('version').notNull(),
    source: text('source', { enum: ['generated', 'edited'] }).notNull(),
    sections: jsonb('sections').$type<StoredNoteSection[]>().notNull(),
    /** Null for a generated version. */
    authorId: uuid('author_id').references(() => users.id),
    model: text('model'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.noteId, table.version] }),
    foreignKey({
      columns: [table.clinicId, table.noteId],
      foreignColumns: [notes.clinicId, notes.id],
    }).onDelete('cascade'),
  ],
);
