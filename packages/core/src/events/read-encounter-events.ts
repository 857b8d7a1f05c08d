import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '../db/database';
import { encounterEvents } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import type { EncounterEvent } from './encounter-event-schemas';

/** The encounter's events after `afterId`, oldest first, at most `limit`. */
export async function readEncounterEvents(
  db: Database,
  clinicId: string,
  encounterId: string,
  afterId: number,
  limit = 200,
): Promise<EncounterEvent[]> {
  const rows = await withTenant(db, clinicId, (tx) =>
    tx
      .select({ id: encounterEvents.id, type: encounterEvents.type, data: encounterEvents.data })
      .from(encounterEvents)
      .where(and(eq(encounterEvents.encounterId, encounterId), gt(encounterEvents.id, afterId)))
      .orderBy(asc(encounterEvents.id))
      .limit(limit),
  );
  return rows as EncounterEvent[];
}
