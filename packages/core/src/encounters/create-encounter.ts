import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { encounters } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { AppError } from '../errors/app-error';
import { assertPatientInClinic } from '../patients/assert-patient-in-clinic';
import { resolveOpenTemplate } from '../templates/resolve-template';
import type { CreateEncounterInput, Encounter } from './encounter-schemas';
import { toEncounter } from './to-encounter';

export async function createEncounter(
  db: Database,
  actor: Actor,
  input: CreateEncounterInput,
): Promise<Encounter> {
  return withTenant(db, actor.clinicId, async (tx) => {
    await assertPatientInClinic(tx, actor.clinicId, input.patientId);
    if (!(await resolveOpenTemplate(tx, input.template)))
      throw new AppError('validation_failed', 'This clinic has no such template.', {
        fieldErrors: [
          { pointer: '/template', detail: 'Unknown template (see GET /templates)', code: 'unknown_template' },
        ],
      });
    const [row] = await tx
      .insert(encounters)
      .values({
        clinicId: actor.clinicId,
        patientId: input.patientId,
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
