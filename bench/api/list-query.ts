import { and, asc, eq } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { patients } from '@healthcare/core/db/schema/index';

/**
 * The first page's SELECT as packages/core/src/patients/list-patients.ts builds it (no search,
 * no cursor), rendered by drizzle from the same table definition, so the baseline sends
 * PostgreSQL the very text the app sends.
 */
export function firstPageQuery(clinicId: string, limit: number): { sql: string; params: unknown[] } {
  return new QueryBuilder()
    .select()
    .from(patients)
    .where(and(eq(patients.clinicId, clinicId), undefined))
    .orderBy(asc(patients.nameSearch), asc(patients.id))
    .limit(limit + 1)
    .toSQL();
}
