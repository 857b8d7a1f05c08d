import { deriveSecret } from '../auth/derive-secret';
import { loadSigningKey } from '../auth/signing-key';
import type { Config } from '../config/config';
import type { DatabaseHandle } from '../db/database';
import type { Logger } from '../logging/create-logger';
import { createObjectStorage } from '../storage/create-object-storage';
import { configuredSpeechToText } from '../transcripts/configured-speech-to-text';
import type { TranscriptionDependencies } from '../transcripts/transcription-dependencies';
import type { JobClient } from './job-client';

/** What job handlers need, built the same way in the app (embedded) and in apps/worker (cluster). */
export async function createWorkerDependencies(
  config: Config,
  logger: Logger,
  database: DatabaseHandle,
  jobs: JobClient,
): Promise<TranscriptionDependencies> {
  const signingKey = await loadSigningKey(config, logger);
  const storage = createObjectStorage(config.storage, {
    signingSecret: deriveSecret(signingKey.privateKeyPem, 'storage-download-urls'),
  });
  return { db: database.db, storage, jobs, stt: configuredSpeechToText(config, logger), logger };
}
