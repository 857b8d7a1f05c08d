import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/database';
import { auditEvents, encounters } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { findEncounter } from '../encounters/find-encounter';
import type { EventBus } from '../events/event-bus';
import { notifyStreams } from '../events/notify-streams';
import { jobQueues } from '../jobs/job-queues';
import type { JobDefinition } from '../jobs/run-job';
import type { Logger } from '../logging/create-logger';
import type { ObjectStorage } from '../storage/object-storage';
import { objectKeys } from '../uploads/object-keys';

export const purgeExpiredAudioPayload = z.object({});
export type PurgeExpiredAudioPayload = z.infer<typeof purgeExpiredAudioPayload>;

/** Every five minutes, so that a retention of 0 days deletes audio within minutes of signing. */
export const purgeExpiredAudioSchedule = '*/5 * * * *';
// Encounters per query: a backlog (a long outage, a shortened retention) is worked in pages.
const pageSize = 100;

export interface AudioRetentionDependencies {
  db: Database;
  storage: ObjectStorage;
  logger: Logger;
  events?: EventBus;
  audioRetentionDays: number;
}

/**
 * Deletes the raw audio (live chunks and whole recordings) of encounters whose note was signed
 * more than the retention period ago; the transcript and the note stay. Objects go first and
 * the encounter is marked after, so a crash in between only means the next run deletes nothing
 * and marks it: the job is idempotent and never leaves audio behind a "deleted" mark.
 */
export function purgeExpiredAudioJob(
  deps: AudioRetentionDependencies,
): JobDefinition<PurgeExpiredAudioPayload> {
  return {
    queue: jobQueues.purgeExpiredAudio.name,
    payload: purgeExpiredAudioPayload,
    // A failed sweep is simply tried again at the next schedule.
    onFailure: async () => undefined,
    async handle() {
      let purged = 0;
      for (;;) {
        const due = await deps.db.execute<{ clinic_id: string; encounter_id: string }>(
          sql`select clinic_id, encounter_id from app_find_expired_audio(${deps.audioRetentionDays}::int, ${pageSize}::int)`,
        );
        for (const row of due.rows) {
          await purgeEncounterAudio(deps, row.clinic_id, row.encounter_id);
          purged += 1;
        }
        if (due.rows.length < pageSize) break;
      }
      if (purged > 0) deps.logger.info({ purgedEncounters: purged }, 'expired audio deleted');
    },
  };
}

async function purgeEncounterAudio(deps: AudioRetentionDependencies, clinicId: string, encounterId: string) {
  const encounter = await withTenant(deps.db, clinicId, (tx) => findEncounter(tx, clinicId, encounterId));
  if (encounter.audioDeletedAt) return;
  const prefix = objectKeys.encounter(clinicId, encounter.patientId, encounter.id);
  let deletedObjects = 0;
  for await (const object of deps.storage.list(prefix)) {
    const name = object.key.slice(prefix.length);
    // Only audio: whatever else may one day live beside it (exports, renderings) is not ours to delete.
    if (!name.startsWith('chunks/') && !name.startsWith('recording-')) continue;
    await deps.storage.delete(object.key);
    deletedObjects += 1;
  }
  const marked = await withTenant(deps.db, clinicId, async (tx) => {
    const locked = await findEncounter(tx, clinicId, encounterId, { forUpdate: true });
    if (locked.audioDeletedAt) return false;
    const now = new Date();
    await tx
      .update(encounters)
      .set({ audioDeletedAt: now, audioKey: null, updatedAt: now })
      .where(sql`${encounters.id} = ${encounterId}`);
    // No person acted: the audit row has no actor and names the policy instead.
    await tx.insert(auditEvents).values({
      clinicId,
      actorUserId: null,
      action: 'encounter.audio.delete',
      resourceType: 'encounter',
      resourceId: encounterId,
      patientId: locked.patientId,
      details: { reason: 'retention', retentionDays: deps.audioRetentionDays, objects: deletedObjects },
    });
    return true;
  });
  if (marked) notifyStreams(deps.events, encounterId);
}
