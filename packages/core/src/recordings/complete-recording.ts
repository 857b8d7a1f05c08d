import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { audioChunks, encounters } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import type { Encounter } from '../encounters/encounter-schemas';
import { assertTransition } from '../encounters/encounter-status';
import { findEncounter } from '../encounters/find-encounter';
import { toEncounter } from '../encounters/to-encounter';
import { AppError } from '../errors/app-error';
import { changeEncounterStatus } from '../encounters/change-encounter-status';
import type { EventBus } from '../events/event-bus';
import { notifyStreams } from '../events/notify-streams';
import type { JobClient } from '../jobs/job-client';
import { finalizeTranscriptWhenDone } from '../transcripts/finalize-transcript.job';

/**
 * The browser says how many chunks it sent. Gaps are reported by number so the browser can
 * resend exactly those from its local copy; calling `complete` again with the same count is a no-op.
 */
export async function completeRecording(
  deps: { db: Database; jobs: JobClient; events?: EventBus },
  actor: Actor,
  encounterId: string,
  chunkCount: number,
): Promise<Encounter> {
  const completed = await withTenant(deps.db, actor.clinicId, async (tx) => {
    const encounter = await findEncounter(tx, actor.clinicId, encounterId, { forUpdate: true });
    if (encounter.audioSource === 'upload') {
      throw new AppError('conflict', 'This encounter has a whole recording, not chunks.');
    }
    const seqs = (
      await tx
        .select({ seq: audioChunks.seq })
        .from(audioChunks)
        .where(eq(audioChunks.encounterId, encounter.id))
        .orderBy(asc(audioChunks.seq))
    ).map((row) => row.seq);

    if (encounter.audioCompletedAt) {
      if (encounter.chunkCount === chunkCount) return toEncounter(encounter, seqs.length);
      throw new AppError(
        'conflict',
        `The recording was already completed with ${encounter.chunkCount} chunks.`,
        {
          members: { chunkCount: encounter.chunkCount },
        },
      );
    }
    const received = new Set(seqs);
    const missingSeqs = Array.from({ length: chunkCount }, (_, seq) => seq).filter(
      (seq) => !received.has(seq),
    );
    const unexpectedSeqs = seqs.filter((seq) => seq >= chunkCount);
    if (missingSeqs.length > 0 || unexpectedSeqs.length > 0) {
      throw new AppError(
        'conflict',
        missingSeqs.length > 0
          ? `Some chunks have not arrived yet: ${summarize(missingSeqs)}. Send them, then complete again.`
          : `Chunks beyond the declared count were received: ${summarize(unexpectedSeqs)}.`,
        { members: { missingSeqs, unexpectedSeqs } },
      );
    }
    // A failed encounter keeps its failure (and its reason) until someone retries it.
    const status = encounter.status === 'failed' ? 'failed' : 'transcribing';
    if (status === 'transcribing') assertTransition(encounter.status, 'transcribing');
    const changes = { chunkCount, audioCompletedAt: new Date() };
    const row =
      status === 'failed'
        ? (await tx.update(encounters).set(changes).where(eq(encounters.id, encounter.id)).returning())[0]!
        : await changeEncounterStatus(tx, encounter, status, changes);
    // Every chunk may already be transcribed, in which case the transcript can be finalized now.
    await finalizeTranscriptWhenDone(deps.jobs, tx, row, actor.requestId);
    await recordAuditEvents(tx, actor, [
      {
        action: 'encounter.audio.complete',
        resourceType: 'encounter',
        resourceId: row.id,
        patientId: row.patientId,
        details: { chunkCount },
      },
    ]);
    return toEncounter(row, seqs.length);
  });
  notifyStreams(deps.events, completed.id);
  return completed;
}

function summarize(seqs: number[]): string {
  return seqs.length > 20 ? `${seqs.slice(0, 20).join(', ')} and ${seqs.length - 20} more` : seqs.join(', ');
}
