import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { withTenant } from '../db/with-tenant';
import { clinicalRoles } from '../users/clinical-roles';
import { loadPatientRecord } from '../patients/load-patient-record';
import { requireRole } from '../users/require-role';
import { buildPatientBundle } from './build-patient-bundle';
import type { FhirBundle } from './fhir-types';

/** FHIR `Patient/{id}/$everything`: the whole record, audited as one read of everything in it. */
export async function getPatientEverything(
  db: Database,
  actor: Actor,
  patientId: string,
  apiUrl: URL,
): Promise<FhirBundle> {
  requireRole(actor, clinicalRoles);
  return withTenant(db, actor.clinicId, async (tx) => {
    const record = await loadPatientRecord(tx, actor.clinicId, patientId);
    const { bundle, counts } = buildPatientBundle(record, apiUrl);
    await recordAuditEvents(tx, actor, [
      {
        action: 'fhir.everything',
        resourceType: 'patient',
        resourceId: patientId,
        patientId,
        details: counts,
      },
    ]);
    return bundle;
  });
}
