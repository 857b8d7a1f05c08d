import { and, eq, notInArray } from 'drizzle-orm';
import type { Database } from '../db/database';
import { encounters } from '../db/schema';
import { withTenant } from '../db/with-tenant';

/** Puts a terminal processing failure on the encounter, where the clinician sees it and can retry. */
export async function failEncounter(
  db: Database,
  clinicId: string,
  encounterId: string,
  reason: string,
): Promise<void> {
  await withTenant(db, clinicId, async (tx) => {
    await tx
      .update(encounters)
      .set({ status: 'failed', failureReason: reason.slice(0, 1000), updatedAt: new Date() })
      // A signed or finished encounter is never knocked back by a late job.
      .where(and(eq(encounters.id, encounterId), notInArray(encounters.status, ['signed', 'ready'])));
  });
}
