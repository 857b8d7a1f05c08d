import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { encounters, patients } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { notFound } from '../errors/app-error';
import type { CreateEncounterInput, Encounter } from './encounter-schemas';
import { toEncounter } from './to-encounter';

export async function createEncounter(
  db: Database,
  actor: Actor,
  input: CreateEncounterInput,
): Promise<Encounter> {
  return withTenant(db, actor.clinicId, async (tx) => {
    const [patient] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.id, input.patientId), eq(patients.clinicId, actor.clinicId)));
    if (!patient) throw notFound('The patient');
    const [row] = await tx
      .insert(encounters)
      .values({
        clinicId: actor.clinicId,
        patientId: patient.id,
        createdBy: actor.userId,
        language: input.language,
        template: input.template,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAuditEvents(tx, actor, [
      { action: 'encounter.create', resourceType: 'encounter', resourceId: row.id, patientId: row.patientId },
    ]);
    return toEncounter(row, 0);
  });
}
