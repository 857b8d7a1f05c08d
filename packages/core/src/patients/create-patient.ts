import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { isUniqueViolation } from '../db/postgres-errors';
import { patients } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { AppError } from '../errors/app-error';
import { normalizeDocumentId, normalizeSearchText } from './normalize-search-text';
import type { CreatePatientInput, Patient } from './patient-schemas';
import { toPatient } from './to-patient';

export async function createPatient(db: Database, actor: Actor, input: CreatePatientInput): Promise<Patient> {
  try {
    return await withTenant(db, actor.clinicId, async (tx) => {
      const [row] = await tx
        .insert(patients)
        .values({
          clinicId: actor.clinicId,
          name: input.name,
          nameSearch: normalizeSearchText(input.name),
          birthDate: input.birthDate,
          sex: input.sex,
          documentId: input.documentId ?? null,
          documentKey: input.documentId ? normalizeDocumentId(input.documentId) : null,
          phone: input.phone ?? null,
          email: input.email ?? null,
          createdBy: actor.userId,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      await recordAuditEvents(tx, actor, [
        { action: 'patient.create', resourceType: 'patient', resourceId: row.id, patientId: row.id },
      ]);
      return toPatient(row);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'patients_clinic_document_unique')) throw duplicateDocument();
    throw error;
  }
}

export const duplicateDocument = () =>
  new AppError('conflict', 'Another patient in this clinic already has this document number.', {
    fieldErrors: [
      {
        pointer: '/documentId',
        detail: 'Another patient in this clinic already has this document number.',
        code: 'duplicate_document',
      },
    ],
  });
