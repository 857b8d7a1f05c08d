import { inArray } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { connectDatabase } from '../db/database';
import { encounters } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { changeEncounterStatus } from '../encounters/change-encounter-status';
import { findEncounter } from '../encounters/find-encounter';
import { jobSchema } from '../jobs/job-queues';
import { enqueueRemainingWork, needsDeletedAudio, resumedStatus } from '../transcripts/resume-encounter-work';

export interface ResumedEncounters {
  /** Encounters whose jobs were enqueued again. */
  resumed: number;
  /** Encounters whose work could not be resumed: now `failed`, with the reason shown to the clinician. */
  failed: number;
}

const inProgress = ['recording', 'transcribing', 'generating'] as const;

export const interruptedByRestoreReason =
  'Processing was interrupted by a restore from backup and could not be resumed. Retry it.';
export const audioGoneAfterRestoreReason =
  'Processing was interrupted by a restore from backup, and the audio it needs has since been deleted by the retention policy.';

/**
 * A restored database whose job queue is empty (the embedded backup holds the data, not the
 * queue) still has encounters in the middle of the pipeline; nothing would ever move them on,
 * and only failed encounters can be retried. This enqueues for each one the jobs its state
 * needs, exactly as a retry would, without changing its status. An encounter whose state does
 * not say what comes next (a status the work done contradicts, audio already deleted) is
 * failed with a reason instead, so the clinician sees it and can retry.
 *
 * `ownerUrl`: the database as its owner, with the job queue installed and nothing working it
 * (the restore runs with the app stopped, so no job can run twice).
 */
export async function resumeInterruptedEncounters(ownerUrl: string): Promise<ResumedEncounters> {
  const database = connectDatabase(ownerUrl, { poolMax: 2 });
  const jobs = new PgBoss({
    connectionString: ownerUrl,
    schema: jobSchema,
    migrate: false,
    supervise: false,
    schedule: false,
    max: 2,
  });
  jobs.on('error', () => undefined);
  const result: ResumedEncounters = { resumed: 0, failed: 0 };
  try {
    await jobs.start();
    // The owner sees every clinic; each encounter is then handled inside its own clinic.
    const interrupted = await database.db
      .select({ id: encounters.id, clinicId: encounters.clinicId })
      .from(encounters)
      .where(inArray(encounters.status, [...inProgress]));
    for (const { id, clinicId } of interrupted) {
      const outcome = await withTenant(database.db, clinicId, async (tx) => {
        const encounter = await findEncounter(tx, clinicId, id, { forUpdate: true });
        const next = resumedStatus(encounter);
        if (next !== encounter.status || (await needsDeletedAudio(tx, encounter))) {
          const reason = next === encounter.status ? audioGoneAfterRestoreReason : interruptedByRestoreReason;
          await changeEncounterStatus(tx, encounter, 'failed', { failureReason: reason });
          return 'failed' as const;
        }
        await enqueueRemainingWork(jobs, tx, encounter, undefined);
        return 'resumed' as const;
      });
      result[outcome] += 1;
    }
    return result;
  } finally {
    await jobs.stop({ graceful: false, wait: true }).catch(() => undefined);
    await database.close();
  }
}
