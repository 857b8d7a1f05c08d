import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { TenantTransaction } from '../db/database';
import { audioChunks, encounters } from '../db/schema';

/**
 * Marks the transcript complete once the live recording has been completed and every chunk is
 * transcribed. Called by both sides (the last chunk job and `complete`), whichever comes last.
 */
export async function completeTranscriptWhenDone(
  tx: TenantTransaction,
  encounterId: string,
): Promise<boolean> {
  const [encounter] = await tx
    .select({
      completedAt: encounters.audioCompletedAt,
      transcriptCompletedAt: encounters.transcriptCompletedAt,
    })
    .from(encounters)
    .where(eq(encounters.id, encounterId));
  if (!encounter?.completedAt || encounter.transcriptCompletedAt) return false;
  const [pending] = await tx
    .select({ value: count() })
    .from(audioChunks)
    .where(and(eq(audioChunks.encounterId, encounterId), isNull(audioChunks.transcribedAt)));
  if ((pending?.value ?? 0) > 0) return false;
  const [durations] = await tx
    .select({ total: sql<number | null>`sum(${audioChunks.durationSec})::real` })
    .from(audioChunks)
    .where(eq(audioChunks.encounterId, encounterId));
  await tx
    .update(encounters)
    .set({
      transcriptCompletedAt: new Date(),
      audioDurationSec: durations?.total ?? null,
      updatedAt: new Date(),
    })
    .where(eq(encounters.id, encounterId));
  return true;
}
