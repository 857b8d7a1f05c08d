import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { audioChunks } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { findEncounter } from '../encounters/find-encounter';
import { notFound } from '../errors/app-error';
import type { ObjectStorage } from '../storage/object-storage';
import { requireRole } from '../users/require-role';

export type ByteRangePicker = (size: number) => { start: number; end: number } | undefined;

export interface EncounterAudio {
  mimeType: string;
  bytes: number;
  sha256: string;
  body: Readable;
  range: { start: number; end: number } | undefined;
}

/**
 * The encounter's recording, or one live chunk of it (`seq`), whole or one byte range so a
 * player can seek. What was said in the room is clinical content: not for the front desk.
 * The read is audited before a byte is sent.
 */
export async function readEncounterAudio(
  deps: { db: Database; storage: ObjectStorage },
  actor: Actor,
  encounterId: string,
  options: { seq?: number; pickRange?: ByteRangePicker } = {},
): Promise<EncounterAudio> {
  requireRole(actor, ['admin', 'clinician']);
  let range: { start: number; end: number } | undefined;
  const found = await withTenant(deps.db, actor.clinicId, async (tx) => {
    const encounter = await findEncounter(tx, actor.clinicId, encounterId);
    let object: { key: string; bytes: number; sha256: string; mimeType: string } | undefined;
    if (options.seq === undefined) {
      if (encounter.audioSource === 'upload' && encounter.audioKey && encounter.audioBytes !== null) {
        object = {
          key: encounter.audioKey,
          bytes: encounter.audioBytes,
          sha256: encounter.audioSha256 ?? '',
          mimeType: encounter.audioMimeType ?? 'application/octet-stream',
        };
      }
    } else {
      const [chunk] = await tx
        .select()
        .from(audioChunks)
        .where(and(eq(audioChunks.encounterId, encounter.id), eq(audioChunks.seq, options.seq)));
      if (chunk) {
        object = { key: chunk.objectKey, bytes: chunk.bytes, sha256: chunk.sha256, mimeType: chunk.mimeType };
      }
    }
    if (!object) throw notFound(options.seq === undefined ? 'A whole recording' : 'The chunk');
    range = options.pickRange?.(object.bytes);
    await recordAuditEvents(tx, actor, [
      {
        action: 'encounter.audio.read',
        resourceType: 'encounter',
        resourceId: encounter.id,
        patientId: encounter.patientId,
        details: {
          ...(options.seq === undefined ? {} : { seq: options.seq }),
          ...(range ? { rangeStart: range.start } : {}),
        },
      },
    ]);
    return object;
  });
  const stored = await deps.storage.get(found.key, range ? { range } : {});
  return {
    mimeType: found.mimeType,
    bytes: found.bytes,
    sha256: found.sha256,
    body: stored.body,
    range: stored.range,
  };
}
