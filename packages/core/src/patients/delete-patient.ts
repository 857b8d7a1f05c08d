import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { patients } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { notFound } from '../errors/app-error';
import type { ObjectStorage } from '../storage/object-storage';
import { objectKeys } from '../uploads/object-keys';
import { toUploadError } from '../uploads/storage-errors';
import { requireRole } from '../users/require-role';

/**
 * Erases the patient's record: their stored files, then their rows (encounters, chunks and
 * documents cascade). Files go first so that a storage outage leaves the patient intact and
 * the erasure can simply be retried, rather than leaving files no row points to.
 * Admin only: erasure has legal weight (LGPD). The audit trail keeps the patient id, which
 * identifies no one.
 */
export async function deletePatient(
  deps: { db: Database; storage: ObjectStorage },
  actor: Actor,
  patientId: string,
): Promise<void> {
  requireRole(actor, ['admin']);
  await withTenant(deps.db, actor.clinicId, async (tx) => {
    const [row] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)));
    if (!row) throw notFound('The patient');
  });
  await deps.storage.deletePrefix(objectKeys.patient(actor.clinicId, patientId)).catch((error: unknown) => {
    throw toUploadError(error, 'The patient’s files');
  });
  await withTenant(deps.db, actor.clinicId, async (tx) => {
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
