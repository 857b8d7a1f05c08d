import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { withTenant } from '../db/with-tenant';
import { buildPatientBundle } from '../fhir/build-patient-bundle';
import { clinicalRoles } from '../users/clinical-roles';
import { assertPatientInClinic } from '../patients/assert-patient-in-clinic';
import { loadPatientRecord } from '../patients/load-patient-record';
import type { ObjectStorage } from '../storage/object-storage';
import { objectKeys } from '../uploads/object-keys';
import { toUploadError } from '../uploads/storage-errors';
import { requireRole } from '../users/require-role';
import type { PatientExport } from './export-schemas';
import { toPatientData } from './to-patient-data';
import { writeExportArchive } from './write-export-archive';

/**
 * The patient's copy of their record (LGPD art. 18, HIPAA right of access) as one zip archive:
 * patient.json, fhir-bundle.json, the documents and the signed notes' PDFs. It is stored under
 * the patient's object prefix, so erasing the patient erases every export too. The read is
 * audited when the data is read, before the archive is written.
 */
export async function createPatientExport(
  deps: { db: Database; storage: ObjectStorage; apiUrl: URL },
  actor: Actor,
  patientId: string,
): Promise<PatientExport> {
  requireRole(actor, clinicalRoles);
  const exportId = randomUUID();
  const createdAt = new Date();
  const { record, bundle } = await withTenant(deps.db, actor.clinicId, async (tx) => {
    const loaded = await loadPatientRecord(tx, actor.clinicId, patientId, { transcripts: true });
    const built = buildPatientBundle(loaded, deps.apiUrl, createdAt);
    await recordAuditEvents(tx, actor, [
      {
        action: 'export.create',
        resourceType: 'patient_export',
        resourceId: exportId,
        patientId,
        details: { ...built.counts, notes: loaded.notes.length },
      },
    ]);
    return { record: loaded, bundle: built.bundle };
  });

  const key = objectKeys.patientExport(actor.clinicId, patientId, exportId);
  const archive = writeExportArchive(deps.storage, record, {
    patientData: toPatientData(record, { id: exportId, createdAt }),
    bundle,
    createdAt,
  });
  const stored = await deps.storage
    .put(key, archive, { contentType: 'application/zip' })
    .catch((error: unknown) => {
      throw toUploadError(error, 'The export');
    });
  try {
    // An erasure that ran while the archive was written must not leave this copy behind.
    await withTenant(deps.db, actor.clinicId, (tx) => assertPatientInClinic(tx, actor.clinicId, patientId));
  } catch (error) {
    await deps.storage.delete(key).catch(() => undefined);
    throw error;
  }
  return {
    id: exportId,
    patientId,
    createdAt: createdAt.toISOString(),
    bytes: stored.size,
    sha256: stored.sha256,
    download: `/api/v1/patients/${patientId}/exports/${exportId}`,
  };
}
