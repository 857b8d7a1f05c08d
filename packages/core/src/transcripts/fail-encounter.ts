import type { Database } from '../db/database';
import { withTenant } from '../db/with-tenant';
import { changeEncounterStatus } from '../encounters/change-encounter-status';
import { findEncounter } from '../encounters/find-encounter';
import type { EventBus } from '../events/event-bus';
import { notifyStreams } from '../events/notify-streams';

/** Puts a terminal processing failure on the encounter, where the clinician sees it and can retry. */
export async function failEncounter(
  deps: { db: Database; events?: EventBus },
  clinicId: string,
  encounterId: string,
  reason: string,
): Promise<void> {
  const failed = await withTenant(deps.db, clinicId, async (tx) => {
    const encounter = await findEncounter(tx, clinicId, encounterId, { forUpdate: true }).catch(
      () => undefined,
    );
    // A signed or finished encounter is never knocked back by a late job.
    if (!encounter || ['signed', 'ready', 'failed'].includes(encounter.status)) return false;
    await changeEncounterStatus(tx, encounter, 'failed', { failureReason: reason.slice(0, 1000) });
    return true;
  });
  if (failed) notifyStreams(deps.events, encounterId);
}
