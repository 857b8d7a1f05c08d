import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { transcriptSegments } from '../db/schema';
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
      })),
    };
  });
}
