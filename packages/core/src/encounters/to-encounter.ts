import type { encounters } from '../db/schema';
import type { Encounter } from './encounter-schemas';

export function toEncounter(row: typeof encounters.$inferSelect, chunksReceived: number): Encounter {
  return {
    id: row.id,
    patientId: row.patientId,
    status: row.status,
    language: row.language as Encounter['language'],
    template: row.template as Encounter['template'],
    failureReason: row.failureReason,
    audio: {
      source: row.audioSource,
      mimeType: row.audioMimeType,
      bytes: row.audioBytes,
      chunksReceived,
      chunkCount: row.chunkCount,
      completedAt: row.audioCompletedAt?.toISOString() ?? null,
      deletedAt: row.audioDeletedAt?.toISOString() ?? null,
    },
    consent: row.consentConfirmedAt
      ? {
          confirmedBy: row.consentConfirmedBy,
          confirmedAt: row.consentConfirmedAt.toISOString(),
          wording: row.consentWording ?? '',
          language: (row.consentLanguage ?? row.language) as Encounter['language'],
        }
      : null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
