import type { SpeechToText } from '@healthcare/ai/stt/speech-to-text';
import type { Database } from '../db/database';
import type { JobClient } from '../jobs/job-client';
import type { Logger } from '../logging/create-logger';
import type { ObjectStorage } from '../storage/object-storage';

export interface TranscriptionDependencies {
  db: Database;
  storage: ObjectStorage;
  jobs: JobClient;
  /** Absent when none is configured: the encounter then says so instead of waiting forever. */
  stt: SpeechToText | undefined;
  logger: Logger;
}
