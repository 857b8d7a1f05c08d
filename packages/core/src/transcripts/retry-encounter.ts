import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { withTenant } from '../db/with-tenant';
import { changeEncounterStatus } from '../encounters/change-encounter-status';
import type { Encounter } from '../encounters/encounter-schemas';
import { countChunks, findEncounter } from '../encounters/find-encounter';
import { toEncounter } from '../encounters/to-encounter';
import { AppError } from '../errors/app-error';
import type { EventBus } from '../events/event-bus';
import { notifyStreams } from '../events/notify-streams';
import type { JobClient } from '../jobs/job-client';
import { enqueueRemainingWork, resumedStatus } from './resume-encounter-work';

/**
 * Puts a failed encounter back to work where it stopped: a finished transcript goes straight
 * to note generation; otherwise every unit not yet transcribed is enqueued again. Work
 * already done is kept; the failure is cleared in the same transaction.
 */
export async function retryEncounter(
  deps: { db: Database; jobs: JobClient; events?: EventBus },
  actor: Actor,
  encounterId: string,
): Promise<Encounter> {
  const retried = await withTenant(deps.db, actor.clinicId, async (tx) => {
    const encounter = await findEncounter(tx, actor.clinicId, encounterId, { forUpdate: true });
    if (encounter.status !== 'failed') {
      throw new AppError('conflict', 'Only a failed encounter can be retried.', {
        members: { status: encounter.status },
      });
    }
    const row = await changeEncounterStatus(tx, encounter, resumedStatus(encounter));
    await enqueueRemainingWork(deps.jobs, tx, row, actor.requestId);
    await recordAuditEvents(tx, actor, [
      { action: 'encounter.retry', resourceType: 'encounter', resourceId: row.id, patientId: row.patientId },
    ]);
    return toEncounter(row, await countChunks(tx, row.id));
  });
  notifyStreams(deps.events, retried.id);
  return retried;
}
