import { deriveSecret } from '../auth/derive-secret';
import { loadSigningKey } from '../auth/signing-key';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logging/create-logger';
import { configuredNoteWriter } from '../notes/configured-note-writer';
import { createObjectStorage } from '../storage/create-object-storage';
import { configuredSpeechToText } from '../transcripts/configured-speech-to-text';
import type { JobClient } from './job-client';
import type { WorkerDependencies } from './worker-dependencies';

/** What job handlers need, built the same way in the app (embedded) and in apps/worker (cluster). */
export async function createWorkerDependencies(
  config: Config,
  logger: Logger,
  parts: { db: Database; jobs: JobClient; events: EventBus },
): Promise<WorkerDependencies> {
  const signingKey = await loadSigningKey(config, logger);
  const storage = createObjectStorage(config.storage, {
    signingSecret: deriveSecret(signingKey.privateKeyPem, 'storage-download-urls'),
  });
  return {
    ...parts,
    storage,
    stt: configuredSpeechToText(config, logger),
    noteWriter: configuredNoteWriter(config, logger),
    noteLimits: config.notes,
    logger,
  };
}
