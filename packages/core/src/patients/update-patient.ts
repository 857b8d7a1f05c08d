import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { isUniqueViolation } from '../db/postgres-errors';
import { patients } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { notFound } from '../errors/app-error';
import { duplicateDocument } from './create-patient';
import { normalizeDocumentId, normalizeSearchText } from './normalize-search-text';
import type { Patient, UpdatePatientInput } from './patient-schemas';
import { toPatient } from './to-patient';

export async function updatePatient(
  db: Database,
  actor: Actor,
  patientId: string,
  patch: UpdatePatientInput,
): Promise<Patient> {
  const changes: Partial<typeof patients.$inferInsert> = { updatedAt: new Date() };
  if (patch.name !== undefined)
    Object.assign(changes, { name: patch.name, nameSearch: normalizeSearchText(patch.name) });
  if (patch.birthDate !== undefined) changes.birthDate = patch.birthDate;
  if (patch.sex !== undefined) changes.sex = patch.sex;
  if (patch.documentId !== undefined) {
    changes.documentId = patch.documentId;
    changes.documentKey = patch.documentId === null ? null : normalizeDocumentId(patch.documentId);
  }
  if (patch.phone !== undefined) changes.phone = patch.phone;
  if (patch.email !== undefined) changes.email = patch.email;

  try {
    return await withTenant(db, actor.clinicId, async (tx) => {
      const [row] = await tx
        .update(patients)
        .set(changes)
        .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)))
        .returning();
      if (!row) throw notFound('The patient');
      await recordAuditEvents(tx, actor, [
        {
          action: 'patient.update',
          resourceType: 'patient',
          resourceId: row.id,
          patientId: row.id,
          // Which fields changed, never their values.
          details: { fields: Object.keys(patch).sort().join(',') },
        },
      ]);
      return toPatient(row);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'patients_clinic_document_unique')) throw duplicateDocument();
    throw error;
  }
}
