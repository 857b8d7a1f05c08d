import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { patients } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { notFound } from '../errors/app-error';
import { requireRole } from '../users/require-role';

/**
 * Removes the patient's record. Admin only: deleting clinical data is an erasure with legal
 * weight (LGPD), not a routine edit. The audit trail keeps the patient id, which is not identifying.
 */
export async function deletePatient(db: Database, actor: Actor, patientId: string): Promise<void> {
  requireRole(actor, ['admin']);
  await withTenant(db, actor.clinicId, async (tx) => {
    const [row] = await tx
      .delete(patients)
      .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)))
      .returning({ id: patients.id });
    if (!row) throw notFound('The patient');
    await recordAuditEvents(tx, actor, [
      { action: 'patient.delete', resourceType: 'patient', resourceId: row.id, patientId: row.id },
    ]);
  });
}
