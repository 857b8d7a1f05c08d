import type { patients } from '../db/schema';
import type { Patient } from './patient-schemas';

export function toPatient(row: typeof patients.$inferSelect): Patient {
  return {
    id: row.id,
    name: row.name,
    birthDate: row.birthDate,
    sex: row.sex,
    documentId: row.documentId,
    phone: row.phone,
    email: row.email,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
