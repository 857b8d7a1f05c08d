import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { TenantTransaction } from '../db/database';
import { audioChunks } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { changeEncounterStatus } from '../encounters/change-encounter-status';
import { findEncounter } from '../encounters/find-encounter';
import { notifyStreams } from '../events/notify-streams';
import { AppError } from '../errors/app-error';
import { objectKeys } from '../uploads/object-keys';
import { formatBytes, toUploadError, tooLargeBeforeReading } from '../uploads/storage-errors';
import { acceptAudio } from './accepted-audio';
import { assertRecordingConsent } from './assert-recording-consent';
import { enqueueTranscribeChunk } from '../transcripts/transcribe-chunk.job';
import type { UploadDependencies } from './upload-recording';

export interface ChunkReceipt {
  seq: number;
  bytes: number;
  sha256: string;
  /** True when this exact chunk had already been stored: the upload was a harmless retry. */
  duplicate: boolean;
}

const differentChunk = (seq: number) =>
  new AppError('conflict', `Chunk ${seq} was already received with different content.`, { members: { seq } });

/**
 * One live chunk. Idempotent per sequence number: a browser that retries after a network drop
 * gets 202 again and the chunk is stored once; different bytes for a stored number is a conflict.
 */
export async function uploadChunk(
  deps: UploadDependencies,
  actor: Actor,
  encounterId: string,
  seq: number,
  body: Readable,
  options: { declaredBytes?: number; signal?: AbortSignal },
): Promise<ChunkReceipt> {
  const { encounter, existing } = await withTenant(deps.db, actor.clinicId, async (tx) => {
    const row = await findEncounter(tx, actor.clinicId, encounterId);
    return { encounter: row, existing: await findChunk(tx, row.id, seq) };
  });
  assertRecordingConsent(encounter);
  tooLargeBeforeReading(options.declaredBytes, deps.maxBytes, 'The chunk');
  if (existing) {
    const { sha256, bytes } = await hashStream(body, deps.maxBytes);
    if (sha256 !== existing.sha256) throw differentChunk(seq);
    return { seq, bytes, sha256, duplicate: true };
  }
  assertAcceptsChunks(encounter);

  const { mimeType, stream } = await acceptAudio(body);
  const key = objectKeys.chunk(actor.clinicId, encounter.patientId, encounter.id, seq);
  const stored = await deps.storage
    .put(key, stream, {
      contentType: mimeType,
      maxBytes: deps.maxBytes,
      ...(options.signal ? { signal: options.signal } : {}),
    })
    .catch((error: unknown) => {
      throw toUploadError(error, 'The chunk');
    });

  let keepObject = false;
  try {
    const receipt = await withTenant(deps.db, actor.clinicId, async (tx) => {
      // Locked: `complete` cannot slip in between this check and the insert.
      const locked = await findEncounter(tx, actor.clinicId, encounter.id, { forUpdate: true });
      const [inserted] = await tx
        .insert(audioChunks)
        .values({
          clinicId: actor.clinicId,
          encounterId: locked.id,
          seq,
          objectKey: key,
          bytes: stored.size,
          sha256: stored.sha256,
          mimeType,
        })
        .onConflictDoNothing()
        .returning({ seq: audioChunks.seq });
      if (!inserted) {
        // A concurrent retry of the same chunk stored it first.
        const winner = await findChunk(tx, locked.id, seq);
        if (winner?.sha256 !== stored.sha256) throw differentChunk(seq);
        return { seq, bytes: stored.size, sha256: stored.sha256, duplicate: true };
      }
      assertAcceptsChunks(locked);
      if (locked.status === 'created') {
        await changeEncounterStatus(tx, locked, 'recording', { audioSource: 'chunks' });
      }
      await enqueueTranscribeChunk(deps.jobs, tx, {
        clinicId: actor.clinicId,
        encounterId: locked.id,
        seq,
        requestId: actor.requestId,
      });
      await recordAuditEvents(tx, actor, [
        {
          action: 'encounter.audio.chunk',
          resourceType: 'encounter',
          resourceId: locked.id,
          patientId: locked.patientId,
          details: { seq, bytes: stored.size },
        },
      ]);
      keepObject = true;
      return { seq, bytes: stored.size, sha256: stored.sha256, duplicate: false };
    });
    if (!receipt.duplicate) notifyStreams(deps.events, encounter.id);
    return receipt;
  } finally {
    if (!keepObject) await deps.storage.delete(key).catch(() => undefined);
  }
}

function assertAcceptsChunks(encounter: {
  status: string;
  audioSource: string | null;
  audioCompletedAt: Date | null;
}) {
  if (encounter.audioSource === 'upload') {
    throw new AppError('conflict', 'This encounter already has a whole recording; it does not take chunks.');
  }
  // A transcription failure while recording must not stop the recording: audio is never refused
  // for that reason, and a retry transcribes it later.
  if (encounter.audioCompletedAt || !['created', 'recording', 'failed'].includes(encounter.status)) {
    throw new AppError(
      'conflict',
      'The recording of this encounter is already complete; it takes no more chunks.',
    );
  }
}

async function findChunk(tx: TenantTransaction, encounterId: string, seq: number) {
  const [row] = await tx
    .select({ sha256: audioChunks.sha256 })
    .from(audioChunks)
    .where(and(eq(audioChunks.encounterId, encounterId), eq(audioChunks.seq, seq)));
  return row;
}

async function hashStream(body: Readable, maxBytes: number): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) {
      body.destroy();
      throw new AppError(
        'payload_too_large',
        `The chunk is larger than the limit of ${formatBytes(maxBytes)}.`,
      );
    }
    hash.update(chunk);
  }
  return { sha256: hash.digest('hex'), bytes };
}
