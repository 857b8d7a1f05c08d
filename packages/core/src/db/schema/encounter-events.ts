import { bigint, foreignKey, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { encounters } from './encounters';

/**
 * What happened to an encounter, in order: the event stream replays from here after a
 * reconnect (`Last-Event-ID` is this id), so nothing is missed between two connections.
 */
export const encounterEvents = pgTable(
  'encounter_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    encounterId: uuid('encounter_id').notNull(),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    foreignKey({
      columns: [table.clinicId, table.encounterId],
      foreignColumns: [encounters.clinicId, encounters.id],
    }).onDelete('cascade'),
    index('encounter_events_encounter_idx').on(table.encounterId, table.id),
  ],
);
