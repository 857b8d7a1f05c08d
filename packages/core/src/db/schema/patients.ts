import { sql } from 'drizzle-orm';
import {
  date,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { users } from './users';

export const patientSex = pgEnum('patient_sex', ['female', 'male', 'other', 'unknown']);

export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    name: text('name').notNull(),
    /** Lower-cased, accents stripped: "João" is stored as "joao" so a search typed without accents finds it. */
    nameSearch: text('name_search').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: patientSex('sex').notNull(),
    documentId: text('document_id'),
    /** The document id with punctuation removed, so "123.456.789-09" and "12345678909" are the same person. */
    documentKey: text('document_key'),
    phone: text('phone'),
    email: text('email'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Lets child tables reference (clinic_id, id), so a row can never point into another clinic.
    unique('patients_clinic_id_id_unique').on(table.clinicId, table.id),
    index('patients_clinic_name_idx').on(table.clinicId, table.nameSearch, table.id),
    index('patients_name_search_trgm_idx').using('gin', sql`${table.nameSearch} gin_trgm_ops`),
    uniqueIndex('patients_clinic_document_unique')
      .on(table.clinicId, table.documentKey)
      .where(sql`${table.documentKey} is not null`),
  ],
);
