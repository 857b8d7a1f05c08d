import { foreignKey, integer, pgTable, primaryKey, real, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { encounters } from './encounters';

/** Windows of a whole recording already transcribed: a retried job resumes after the last one. */
export const transcribedWindows = pgTable(
  'transcribed_windows',
  {
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    encounterId: uuid('encounter_id').notNull(),
    windowIndex: integer('window_index').notNull(),
    startSec: real('start_sec').notNull(),
    durationSec: real('duration_sec').notNull(),
    transcribedAt: timestamp('transcribed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.encounterId, table.windowIndex] }),
    foreignKey({
      columns: [table.clinicId, table.encounterId],
      foreignColumns: [encounters.clinicId, encounters.id],
    }).onDelete('cascade'),
  ],
);
