import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database, TenantTransaction } from '../db/database';
import { audioChunks, transcriptSegments } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { findEncounter } from '../encounters/find-encounter';
import { requireRole } from '../users/require-role';
import type { EncounterTranscript } from './transcript-schemas';

/** What was said so far, in time order. Clinical content: not for the front desk (staff). */
export async function getTranscript(
  db: Database,
  actor: Actor,
  encounterId: string,
): Promise<EncounterTranscript> {
  requireRole(actor, ['admin', 'clinician']);
  return withTenant(db, actor.clinicId, async (tx) => {
    const encounter = await findEncounter(tx, actor.clinicId, encounterId);
    const segments = await tx
      .select()
      .from(transcriptSegments)
      .where(eq(transcriptSegments.encounterId, encounter.id))
      .orderBy(asc(transcriptSegments.startSec), asc(transcriptSegments.ordinal));
    const chunkStarts = await chunkStartTimes(tx, encounter.id);
    await recordAuditEvents(tx, actor, [
      {
        action: 'transcript.read',
        resourceType: 'encounter',
        resourceId: encounter.id,
        patientId: encounter.patientId,
      },
    ]);
    return {
      status: encounter.transcriptCompletedAt ? 'complete' : segments.length > 0 ? 'partial' : 'none',
      language: encounter.language,
      durationSec: encounter.audioDurationSec,
      segments: segments.map((segment) => ({
        id: segment.id,
        start: Math.round(segment.startSec * 1000) / 1000,
        end: Math.round(segment.endSec * 1000) / 1000,
        text: segment.text,
        speaker: segment.speaker,
        chunk: chunkPosition(segment, chunkStarts),
      })),
    };
  });
}

/** Where each live chunk starts in encounter time: the durations of the chunks before it. */
async function chunkStartTimes(tx: TenantTransaction, encounterId: string): Promise<Map<number, number>> {
  const chunks = await tx
    .select({ seq: audioChunks.seq, durationSec: audioChunks.durationSec })
    .from(audioChunks)
    .where(eq(audioChunks.encounterId, encounterId))
    .orderBy(asc(audioChunks.seq));
  const starts = new Map<number, number>();
  let offset = 0;
  for (const chunk of chunks) {
    // A gap or an unmeasured chunk makes every later start unknown.
    if (chunk.seq !== starts.size) break;
    starts.set(chunk.seq, offset);
    if (chunk.durationSec === null) break;
    offset += chunk.durationSec;
  }
  return starts;
}

function chunkPosition(
  segment: { source: 'chunk' | 'window'; sourceIndex: number; startSec: number },
  starts: Map<number, number>,
): { seq: number; offset: number } | null {
  if (segment.source !== 'chunk') return null;
  const start = starts.get(segment.sourceIndex);
  if (start === undefined) return null;
  return {
    seq: segment.sourceIndex,
    offset: Math.max(0, Math.round((segment.startSec - start) * 1000) / 1000),
  };
}
