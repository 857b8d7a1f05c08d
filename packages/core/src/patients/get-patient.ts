import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { patients } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { notFound } from '../errors/app-error';
import type { Patient } from './patient-schemas';
import { toPatient } from './to-patient';

export async function getPatient(db: Database, actor: Actor, patientId: string): Promise<Patient> {
  return withTenant(db, actor.clinicId, async (tx) => {
    // Row-level security already hides other clinics; the explicit filter is the first wall.
    const [row] = await tx.select().from(patients).where(eq(patients.id, patientId));
    if (!row || row.clinicId !== actor.clinicId) throw notFound('The patient');
    await recordAuditEvents(tx, actor, [
      { action: 'patient.read', resourceType: 'patient', resourceId: row.id, patientId: row.id },
    ]);
    return toPatient(row);
  });
}
