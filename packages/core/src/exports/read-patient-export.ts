import type { Readable } from 'node:stream';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { withTenant } from '../db/with-tenant';
import { notFound } from '../errors/app-error';
import { clinicalRoles } from '../users/clinical-roles';
import { assertPatientInClinic } from '../patients/assert-patient-in-clinic';
import { ObjectNotFoundError, type ObjectStorage } from '../storage/object-storage';
import { objectKeys } from '../uploads/object-keys';
import { requireRole } from '../users/require-role';

/**
 * A stored export archive. The key is built from the caller's clinic and the patient, so an id
 * from another clinic or another patient finds nothing; the download is audited before a byte is sent.
 */
export async function readPatientExport(
  deps: { db: Database; storage: ObjectStorage },
  actor: Actor,
  patientId: string,
  exportId: string,
): Promise<{ body: Readable; size: number; fileName: string }> {
  requireRole(actor, clinicalRoles);
  const key = objectKeys.patientExport(actor.clinicId, patientId, exportId);
  await withTenant(deps.db, actor.clinicId, async (tx) => {
    await assertPatientInClinic(tx, actor.clinicId, patientId);
    await deps.storage.head(key).catch((error: unknown) => {
      throw error instanceof ObjectNotFoundError ? notFound('The export') : error;
    });
    await recordAuditEvents(tx, actor, [
      { action: 'export.download', resourceType: 'patient_export', resourceId: exportId, patientId },
    ]);
  });
  const object = await deps.storage.get(key);
  return { body: object.body, size: object.size, fileName: `patient-export-${exportId.slice(0, 8)}.zip` };
}
