import {
  bigint,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { encounters } from './encounters';

/** One row per live chunk; (encounter, seq) is the idempotency key of the chunk upload. */
export const audioChunks = pgTable(
  'audio_chunks',
  {
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    encounterId: uuid('encounter_id').notNull(),
    seq: integer('seq').notNull(),
    objectKey: text('object_key').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type').notNull(),
    /** Filled in when the chunk is decoded for transcription. */
    durationSec: real('duration_sec'),
    /** Set in the same transaction that stores the chunk's segments. */
    transcribedAt: timestamp('transcribed_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.encounterId, table.seq] }),
    foreignKey({
      columns: [table.clinicId, table.encounterId],
      foreignColumns: [encounters.clinicId, encounters.id],
    }).onDelete('cascade'),
  ],
);
