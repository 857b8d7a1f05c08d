import { and, count, eq, gt, isNotNull, max, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { pseudonymizePatientId } from '../audit/pseudonymize-patient-id';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database, TenantTransaction } from '../db/database';
import { encounters, notes, patients } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { AppError, notFound } from '../errors/app-error';
import type { ObjectStorage } from '../storage/object-storage';
import { objectKeys } from '../uploads/object-keys';
import { toUploadError } from '../uploads/storage-errors';
import { requireRole } from '../users/require-role';
import type { ErasePatientInput } from './erase-patient-schemas';

export interface ErasureDependencies {
  db: Database;
  storage: ObjectStorage;
  /** Keys the audit pseudonyms (see pseudonymizePatientId). */
  pseudonymSecret: string;
  signedNoteRetentionYears: number;
}

/**
 * Erases the patient (LGPD art. 18 VI): every stored file, then every row (encounters, chunks,
 * transcripts, notes, events and documents cascade), while the audit trail stays with the
 * patient's id replaced by a pseudonym, since the duty to keep access records outlives the data.
 * Signed notes inside the legal retention period block it unless an admin overrides with a
 * reason, which the trail records. Files go first so that a storage outage leaves the patient
 * intact and the erasure can simply be retried, rather than leaving files no row points to.
 */
export async function deletePatient(
  deps: ErasureDependencies,
  actor: Actor,
  patientId: string,
  input: ErasePatientInput = { overrideRetention: false },
): Promise<void> {
  requireRole(actor, ['admin']);
  await withTenant(deps.db, actor.clinicId, async (tx) => {
    const [row] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)));
    if (!row) throw notFound('The patient');
    if (!input.overrideRetention) await assertNoRetainedNotes(tx, patientId, deps.signedNoteRetentionYears);
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
    const pseudonym = pseudonymizePatientId(deps.pseudonymSecret, actor.clinicId, row.id);
    await tx.execute(sql`select app_pseudonymize_patient_audit(${row.id}::uuid, ${pseudonym})`);
    await recordAuditEvents(tx, actor, [
      {
        action: 'patient.delete',
        resourceType: 'patient',
        patientPseudonym: pseudonym,
        details: {
          overrideRetention: input.overrideRetention,
          ...(input.reason ? { reason: input.reason } : {}),
        },
      },
    ]);
  });
}

async function assertNoRetainedNotes(tx: TenantTransaction, patientId: string, retentionYears: number) {
  const [retained] = await tx
    .select({ signedNotes: count(), lastSignedAt: max(notes.signedAt) })
    .from(notes)
    .innerJoin(encounters, and(eq(encounters.clinicId, notes.clinicId), eq(encounters.id, notes.encounterId)))
    .where(
      and(
        eq(encounters.patientId, patientId),
        isNotNull(notes.signedAt),
        gt(notes.signedAt, sql`now() - make_interval(years => ${retentionYears}::int)`),
      ),
    );
  if (!retained || retained.signedNotes === 0) return;
  const retainedUntil = new Date(retained.lastSignedAt ?? Date.now());
  retainedUntil.setUTCFullYear(retainedUntil.getUTCFullYear() + retentionYears);
  throw new AppError(
    'conflict',
    `This patient has ${retained.signedNotes} signed note${retained.signedNotes === 1 ? '' : 's'} inside the legal retention period of ${retentionYears} years. To erase anyway, send overrideRetention: true with the reason.`,
    {
      members: {
        reason: 'retention_period',
        signedNotes: retained.signedNotes,
        retainedUntil: retainedUntil.toISOString(),
      },
    },
  );
}
