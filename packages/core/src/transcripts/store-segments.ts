import { and, eq } from 'drizzle-orm';
import type { SpeechSegment } from '@healthcare/ai/stt/speech-to-text';
import type { TenantTransaction } from '../db/database';
import { transcriptSegments } from '../db/schema';
import { recordEncounterEvent } from '../events/record-encounter-event';

/**
 * Replaces one unit's segments (a chunk or a window), shifted to encounter time. Replacing as a
 * whole, in the transaction that marks the unit done, is what makes a repeated job harmless.
 */
export async function storeSegments(
  tx: TenantTransaction,
  unit: {
    clinicId: string;
    encounterId: string;
    source: 'chunk' | 'window';
    sourceIndex: number;
    offsetSec: number;
  },
  segments: SpeechSegment[],
): Promise<number> {
  await tx
    .delete(transcriptSegments)
    .where(
      and(
        eq(transcriptSegments.encounterId, unit.encounterId),
        eq(transcriptSegments.source, unit.source),
        eq(transcriptSegments.sourceIndex, unit.sourceIndex),
      ),
    );
  if (segments.length === 0) return 0;
  const stored = await tx
    .insert(transcriptSegments)
    .values(
      segments.map((segment, ordinal) => ({
        clinicId: unit.clinicId,
        encounterId: unit.encounterId,
        source: unit.source,
        sourceIndex: unit.sourceIndex,
        ordinal,
        startSec: unit.offsetSec + segment.start,
        endSec: unit.offsetSec + segment.end,
        text: segment.text,
        ...(segment.speaker ? { speaker: segment.speaker } : {}),
      })),
    )
    .returning();
  await recordEncounterEvent(tx, {
    clinicId: unit.clinicId,
    encounterId: unit.encounterId,
    type: 'segments',
    data: {
      segments: stored.map((segment) => ({
        id: segment.id,
        start: Math.round(segment.startSec * 1000) / 1000,
        end: Math.round(segment.endSec * 1000) / 1000,
        text: segment.text,
        speaker: segment.speaker,
      })),
    },
  });
  return stored.length;
}
