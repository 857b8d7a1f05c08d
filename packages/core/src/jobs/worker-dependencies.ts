import type { NoteWriter } from '@healthcare/ai/llm/note-writer';
import type { NoteOutputLimits } from '@healthcare/ai/notes/note-output-schema';
import type { SpeechToText } from '@healthcare/ai/stt/speech-to-text';
import type { Database } from '../db/database';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logging/create-logger';
import type { AppMetrics } from '../metrics/app-metrics';
import type { ObjectStorage } from '../storage/object-storage';
import type { Tracing } from '../tracing/start-tracing';
import type { JobClient } from './job-client';

/** What job handlers use, built the same way in the app (embedded) and in apps/worker (cluster). */
export interface WorkerDependencies {
  db: Database;
  storage: ObjectStorage;
  jobs: JobClient;
  /** Wakes the live streams after a job commits. */
  events: EventBus;
  /** Absent when none is configured: the encounter then says so instead of waiting forever. */
  stt: SpeechToText | undefined;
  /** Absent when none is configured, likewise. */
  noteWriter: NoteWriter | undefined;
  noteLimits: NoteOutputLimits;
  logger: Logger;
  /** Raw audio is deleted this many days after the note is signed. */
  audioRetentionDays: number;
  /** STT_WINDOW_SECONDS; absent in tests that do not transcribe whole recordings (the default then). */
  recordingWindowSeconds?: number;
  /** Absent in tests that do not look at metrics. */
  metrics?: AppMetrics;
  /** Absent unless OTEL_TRACES_ENABLED. */
  tracing?: Tracing | undefined;
}
