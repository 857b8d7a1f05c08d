import { count, inArray } from 'drizzle-orm';
import type { TenantTransaction } from '../db/database';
import { audioChunks } from '../db/schema';

/** Chunks received per encounter, for a page of encounters, in one query. */
export async function countChunksByEncounter(
  tx: TenantTransaction,
  encounterIds: readonly string[],
): Promise<Map<string, number>> {
  if (encounterIds.length === 0) return new Map();
  const rows = await tx
    .select({ encounterId: audioChunks.encounterId, value: count() })
    .from(audioChunks)
    .where(inArray(audioChunks.encounterId, [...encounterIds]))
    .groupBy(audioChunks.encounterId);
  return new Map(rows.map((row) => [row.encounterId, row.value]));
}
