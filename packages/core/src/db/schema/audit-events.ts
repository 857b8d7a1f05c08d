import { bigint, index, inet, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';

/**
 * Append-only: the application role may insert and select, never update or delete.
 * No foreign key to patients or users on purpose: the trail must outlive what it describes.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: uuid('resource_id'),
    patientId: uuid('patient_id'),
    /**
     * Set when the patient was erased: `patient_id` (and a `resource_id` naming the patient) is
     * cleared and this keyed hash takes its place, so the trail stays linkable without naming anyone.
     */
    patientPseudonym: text('patient_pseudonym'),
    requestId: text('request_id'),
    ip: inet('ip'),
    /** Ids and counts only, never names or other patient data. */
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('audit_events_clinic_time_idx').on(table.clinicId, table.id),
    index('audit_events_patient_idx').on(table.clinicId, table.patientId, table.id),
  ],
);
