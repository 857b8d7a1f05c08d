import {
  bigint,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { patients } from './patients';
import { users } from './users';

export const encounterStatus = pgEnum('encounter_status', [
  'created',
  'recording',
  'transcribing',
  'generating',
  'ready',
  'signed',
  'failed',
]);

export const encounters = pgTable(
  'encounters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: uuid('patient_id').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    language: text('language').notNull(),
    template: text('template').notNull(),
    status: encounterStatus('status').notNull().default('created'),
    /** Why the encounter failed, in words a clinician understands; null unless status is failed. */
    failureReason: text('failure_reason'),
    /** How the audio arrived: one whole recording, or live chunks. */
    audioSource: text('audio_source', { enum: ['upload', 'chunks'] }),
    audioKey: text('audio_key'),
    audioBytes: bigint('audio_bytes', { mode: 'number' }),
    audioSha256: text('audio_sha256'),
    audioMimeType: text('audio_mime_type'),
    /** Set by `complete`: the number of chunks the client says it sent. */
    chunkCount: integer('chunk_count'),
    audioCompletedAt: timestamp('audio_completed_at', { withTimezone: true }),
    /** Length of the whole audio, known once it has been decoded. */
    audioDurationSec: real('audio_duration_sec'),
    /** Set when every chunk or window has been transcribed. */
    transcriptCompletedAt: timestamp('transcript_completed_at', { withTimezone: true }),
    /**
     * The patient's consent to being recorded (LGPD art. 11: health data needs specific consent):
     * who confirmed it, when, and the exact wording shown, in the encounter's language.
     */
    consentConfirmedBy: uuid('consent_confirmed_by').references(() => users.id),
    consentConfirmedAt: timestamp('consent_confirmed_at', { withTimezone: true }),
    consentWording: text('consent_wording'),
    consentLanguage: text('consent_language'),
    /** Set when the retention job deleted the raw audio; transcript and note stay. */
    audioDeletedAt: timestamp('audio_deleted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Erasing a patient erases their encounters; the pair keeps both rows in one clinic.
    foreignKey({
      columns: [table.clinicId, table.patientId],
      foreignColumns: [patients.clinicId, patients.id],
    }).onDelete('cascade'),
    unique('encounters_clinic_id_id_unique').on(table.clinicId, table.id),
    index('encounters_patient_idx').on(table.clinicId, table.patientId, table.createdAt),
  ],
);
