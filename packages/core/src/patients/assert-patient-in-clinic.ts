import { and, eq } from 'drizzle-orm';
import type { TenantTransaction } from '../db/database';
import { patients } from '../db/schema';
import { notFound } from '../errors/app-error';

/** The patient exists in this clinic, or the caller gets the same 404 as for any unknown id. */
export async function assertPatientInClinic(
  tx: TenantTransaction,
  clinicId: string,
  patientId: string,
): Promise<void> {
  const [patient] = await tx
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.clinicId, clinicId)));
  if (!patient) throw notFound('The patient');
}
