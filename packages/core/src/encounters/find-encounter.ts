import { and, count, eq } from 'drizzle-orm';
import type { TenantTransaction } from '../db/database';
import { audioChunks, encounters } from '../db/schema';
import { notFound } from '../errors/app-error';

/**
 * The encounter row, locked for update when the caller is about to change its audio state,
 * so that concurrent chunk uploads and `complete` are serialized per encounter.
 */
export async function findEncounter(
  tx: TenantTransaction,
  clinicId: string,
  encounterId: string,
  options: { forUpdate?: boolean } = {},
) {
  const query = tx
    .select()
    .from(encounters)
    .where(and(eq(encounters.id, encounterId), eq(encounters.clinicId, clinicId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('The encounter');
  return row;
}

export async function countChunks(tx: TenantTransaction, encounterId: string): Promise<number> {
  const [row] = await tx
    .select({ value: count() })
    .from(audioChunks)
    .where(eq(audioChunks.encounterId, encounterId));
  return row?.value ?? 0;
}
