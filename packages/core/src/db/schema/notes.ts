import { foreignKey, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { encounters } from './encounters';
import { users } from './users';

/** One note per encounter; its content lives in versions, every one kept. */
export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    encounterId: uuid('encounter_id').notNull(),
    currentVersion: integer('current_version').notNull(),
    template: text('template').notNull(),
    language: text('language').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signedBy: uuid('signed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    foreignKey({
      columns: [table.clinicId, table.encounterId],
      foreignColumns: [encounters.clinicId, encounters.id],
    }).onDelete('cascade'),
    unique('notes_encounter_unique').on(table.encounterId),
    unique('notes_clinic_id_id_unique').on(table.clinicId, table.id),
  ],
);
