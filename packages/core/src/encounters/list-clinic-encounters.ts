import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { countChunksByEncounter } from './count-chunks-by-encounter';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { encounters, patients } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import type { ClinicEncounterList, ListClinicEncountersQuery } from './encounter-schemas';
import { toEncounter } from './to-encounter';

/**
 * The clinic's encounters started in a period, oldest first: the day's agenda. It shows patient
 * names, so each patient listed gets an audit row, as if their record had been opened.
 */
export async function listClinicEncounters(
  db: Database,
  actor: Actor,
  query: ListClinicEncountersQuery,
): Promise<ClinicEncounterList> {
  return withTenant(db, actor.clinicId, async (tx) => {
    const rows = await tx
      .select({ encounter: encounters, patientName: patients.name })
      .from(encounters)
      .innerJoin(
        patients,
        and(eq(patients.clinicId, encounters.clinicId), eq(patients.id, encounters.patientId)),
      )
      .where(
        and(
          eq(encounters.clinicId, actor.clinicId),
          gte(encounters.createdAt, new Date(query.from)),
          lt(encounters.createdAt, new Date(query.to)),
        ),
      )
      .orderBy(asc(encounters.createdAt), asc(encounters.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const chunkCounts = await countChunksByEncounter(
      tx,
      page.map((row) => row.encounter.id),
    );
    const patientIds = [...new Set(page.map((row) => row.encounter.patientId))];
    await recordAuditEvents(
      tx,
      actor,
      patientIds.map((patientId) => ({
        action: 'encounter.list',
        resourceType: 'patient',
        resourceId: patientId,
        patientId,
        details: { scope: 'clinic' },
      })),
    );
    return {
      items: page.map(({ encounter, patientName }) => ({
        ...toEncounter(encounter, chunkCounts.get(encounter.id) ?? 0),
        patient: { id: encounter.patientId, name: patientName },
      })),
      truncated: rows.length > query.limit,
    };
  });
}
