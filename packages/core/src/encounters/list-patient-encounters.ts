import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { countChunksByEncounter } from './count-chunks-by-encounter';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { encounters } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { assertPatientInClinic } from '../patients/assert-patient-in-clinic';
import { AppError } from '../errors/app-error';
import type { EncounterList, ListEncountersQuery } from './encounter-schemas';
import { toEncounter } from './to-encounter';

/** A patient's encounters, newest first. */
export async function listPatientEncounters(
  db: Database,
  actor: Actor,
  patientId: string,
  query: ListEncountersQuery,
): Promise<EncounterList> {
  return withTenant(db, actor.clinicId, async (tx) => {
    await assertPatientInClinic(tx, actor.clinicId, patientId);

    let after: { createdAt: Date; id: string } | undefined;
    if (query.cursor) {
      [after] = await tx
        .select({ createdAt: encounters.createdAt, id: encounters.id })
        .from(encounters)
        .where(and(eq(encounters.id, query.cursor), eq(encounters.patientId, patientId)));
      if (!after) {
        throw new AppError(
          'validation_failed',
          'The list changed since this page was loaded. Start again from the first page.',
          {
            fieldErrors: [
              { pointer: '/query/cursor', detail: 'This cursor no longer exists.', code: 'stale_cursor' },
            ],
          },
        );
      }
    }
    const rows = await tx
      .select()
      .from(encounters)
      .where(
        and(
          eq(encounters.clinicId, actor.clinicId),
          eq(encounters.patientId, patientId),
          after
            ? sql`(${encounters.createdAt}, ${encounters.id}) < (${after.createdAt}, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(encounters.createdAt), desc(encounters.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const chunkCounts = await countChunksByEncounter(
      tx,
      page.map((row) => row.id),
    );
    await recordAuditEvents(tx, actor, [
      {
        action: 'encounter.list',
        resourceType: 'patient',
        resourceId: patientId,
        patientId,
        details: { count: page.length },
      },
    ]);
    return {
      items: page.map((row) => toEncounter(row, chunkCounts.get(row.id) ?? 0)),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}
