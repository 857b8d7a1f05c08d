import {
  foreignKey,
  index,
  integer,
  pgTable,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { encounters } from './encounters';

/**
 * What was said, with times in seconds from the start of the encounter's audio. Each segment
 * comes from one unit of transcription: a live chunk (by seq) or a window of a whole recording.
 */
export const transcriptSegments = pgTable(
  'transcript_segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    encounterId: uuid('encounter_id').notNull(),
    source: text('source', { enum: ['chunk', 'window'] }).notNull(),
    sourceIndex: integer('source_index').notNull(),
    ordinal: integer('ordinal').notNull(),
    startSec: real('start_sec').notNull(),
    endSec: real('end_sec').notNull(),
    text: text('text').notNull(),
    speaker: text('speaker'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    foreignKey({
      columns: [table.clinicId, table.encounterId],
      foreignColumns: [encounters.clinicId, encounters.id],
    }).onDelete('cascade'),
    // A unit's segments are replaced as a whole, so running a transcription twice stores them once.
    unique('transcript_segments_unit_unique').on(
      table.encounterId,
      table.source,
      table.sourceIndex,
      table.ordinal,
    ),
    index('transcript_segments_encounter_time_idx').on(table.encounterId, table.startSec),
  ],
);
