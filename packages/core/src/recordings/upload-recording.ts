import type { Readable } from 'node:stream';
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { encounters } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import type { Encounter } from '../encounters/encounter-schemas';
import { assertTransition } from '../encounters/encounter-status';
import type { EventBus } from '../events/event-bus';
import { notifyStreams } from '../events/notify-streams';
import { recordEncounterEvent } from '../events/record-encounter-event';
import { findEncounter } from '../encounters/find-encounter';
import { toEncounter } from '../encounters/to-encounter';
import { AppError } from '../errors/app-error';
import type { ObjectStorage } from '../storage/object-storage';
import { objectKeys } from '../uploads/object-keys';
import { toUploadError, tooLargeBeforeReading } from '../uploads/storage-errors';
import { acceptAudio } from './accepted-audio';
import { assertRecordingConsent } from './assert-recording-consent';
import type { JobClient } from '../jobs/job-client';
import { enqueueTranscribeRecording } from '../transcripts/transcribe-recording.job';

export interface UploadDependencies {
  db: Database;
  storage: ObjectStorage;
  jobs: JobClient;
  maxBytes: number;
  events?: EventBus;
}

const alreadyHasAudio = () =>
  new AppError('conflict', 'This encounter already has audio. Start a new encounter to record again.');

/**
 * A whole recording, streamed to storage as it arrives: never held in memory, hashed on the
 * way. The encounter is updated only after the object is complete, and only if no other
 * upload won meanwhile; a refused, oversized or aborted upload leaves nothing behind.
 */
export async function uploadRecording(
  deps: UploadDependencies,
  actor: Actor,
  encounterId: string,
  body: Readable,
  options: { declaredBytes?: number; signal?: AbortSignal },
): Promise<Encounter> {
  const encounter = await withTenant(deps.db, actor.clinicId, (tx) =>
    findEncounter(tx, actor.clinicId, encounterId),
  );
  if (encounter.status !== 'created' || encounter.audioSource) throw alreadyHasAudio();
  assertRecordingConsent(encounter);
  tooLargeBeforeReading(options.declaredBytes, deps.maxBytes, 'The recording');

  const { mimeType, stream } = await acceptAudio(body);
  const key = objectKeys.recording(actor.clinicId, encounter.patientId, encounter.id);
  const stored = await deps.storage
    .put(key, stream, {
      contentType: mimeType,
      maxBytes: deps.maxBytes,
      ...(options.signal ? { signal: options.signal } : {}),
    })
    .catch((error: unknown) => {
      throw toUploadError(error, 'The recording');
    });

  try {
    const updated = await withTenant(deps.db, actor.clinicId, async (tx) => {
      assertTransition('created', 'transcribing');
      const now = new Date();
      const [row] = await tx
        .update(encounters)
        .set({
          status: 'transcribing',
          audioSource: 'upload',
          audioKey: key,
          audioBytes: stored.size,
          audioSha256: stored.sha256,
          audioMimeType: mimeType,
          audioCompletedAt: now,
          updatedAt: now,
        })
        // Compare-and-set: a concurrent upload or chunk may have claimed the encounter first.
        .where(
          and(
            eq(encounters.id, encounter.id),
            eq(encounters.status, 'created'),
            isNull(encounters.audioSource),
          ),
        )
        .returning();
      if (!row) throw alreadyHasAudio();
      await recordEncounterEvent(tx, {
        clinicId: actor.clinicId,
        encounterId: row.id,
        type: 'status',
        data: { status: 'transcribing', failureReason: null },
      });
      await enqueueTranscribeRecording(deps.jobs, tx, {
        clinicId: actor.clinicId,
        encounterId: row.id,
        requestId: actor.requestId,
      });
      await recordAuditEvents(tx, actor, [
        {
          action: 'encounter.audio.upload',
          resourceType: 'encounter',
          resourceId: row.id,
          patientId: row.patientId,
          details: { bytes: stored.size },
        },
      ]);
      return toEncounter(row, 0);
    });
    notifyStreams(deps.events, updated.id);
    return updated;
  } catch (error) {
    await deps.storage.delete(key).catch(() => undefined);
    throw error;
  }
}
