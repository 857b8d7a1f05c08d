import { and, asc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { patients } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { AppError } from '../errors/app-error';
import { normalizeDocumentId, normalizeSearchText } from './normalize-search-text';
import type { ListPatientsQuery, PatientList } from './patient-schemas';
import { toPatient } from './to-patient';

// More words than this add nothing to a name search but cost a LIKE each.
const maxSearchWords = 8;

/**
 * Patients in name order. The cursor is the last patient's id, not its name, so names never
 * appear in URLs (and therefore never in access logs).
 */
export async function listPatients(
  db: Database,
  actor: Actor,
  query: ListPatientsQuery,
): Promise<PatientList> {
  return withTenant(db, actor.clinicId, async (tx) => {
    const conditions: (SQL | undefined)[] = [eq(patients.clinicId, actor.clinicId), searchCondition(query.q)];
    if (query.cursor) {
      const [after] = await tx
        .select({ nameSearch: patients.nameSearch, id: patients.id })
        .from(patients)
        .where(eq(patients.id, query.cursor));
      if (!after) {
        throw new AppError(
          'validation_failed',
          'The list changed since this page was loaded. Start again from the first page.',
          {
            fieldErrors: [
              { pointer: '/cursor', detail: 'This cursor no longer exists.', code: 'stale_cursor' },
            ],
          },
        );
      }
      conditions.push(
        sql`(${patients.nameSearch}, ${patients.id}) > (${after.nameSearch}, ${after.id}::uuid)`,
      );
    }
    const select = tx
      .select()
      .from(patients)
      .where(and(...conditions))
      .orderBy(asc(patients.nameSearch), asc(patients.id))
      .limit(query.limit + 1);
    // Without a search the SQL text is the same on every request (the values are parameters), so
    // a named statement lets PostgreSQL parse it once per connection instead of on every request.
    const rows = query.q
      ? await select
      : await select.prepare(query.cursor ? 'list_patients_after' : 'list_patients').execute();
    const page = rows.slice(0, query.limit);
    await recordAuditEvents(
      tx,
      actor,
      page.map((row) => ({
        action: 'patient.list' as const,
        resourceType: 'patient' as const,
        resourceId: row.id,
        patientId: row.id,
        details: { search: Boolean(query.q) },
      })),
    );
    return {
      items: page.map(toPatient),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}

function searchCondition(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const words = normalizeSearchText(q).split(' ').filter(Boolean).slice(0, maxSearchWords);
  const byName =
    words.length > 0
      ? and(...words.map((word) => like(patients.nameSearch, `%${escapeLike(word)}%`)))
      : undefined;
  const documentKey = normalizeDocumentId(q);
  const byDocument = documentKey ? eq(patients.documentKey, documentKey) : undefined;
  return or(byName, byDocument);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}
