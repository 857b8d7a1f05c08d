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
import type { AppMetrics } from '../metrics/app-metrics';
import { measureNoteWriter, measureSpeechToText } from '../metrics/measure-ai-calls';
import { modelLabel } from '../metrics/model-label';
import type { Tracing } from '../tracing/start-tracing';
import { traceNoteWriter, traceSpeechToText } from '../tracing/trace-ai-calls';
import type { WorkerDependencies } from './worker-dependencies';

/** What job handlers need, built the same way in the app (embedded) and in apps/worker (cluster). */
export async function createWorkerDependencies(
  config: Config,
  logger: Logger,
  parts: {
    db: Database;
    jobs: JobClient;
    events: EventBus;
    metrics?: AppMetrics;
    tracing?: Tracing | undefined;
  },
): Promise<WorkerDependencies> {
  const signingKey = await loadSigningKey(config, logger);
  const storage = createObjectStorage(config.storage, {
    signingSecret: deriveSecret(signingKey.privateKeyPem, 'storage-download-urls'),
  });
  const { metrics, tracing } = parts;
  const model = modelName(config);
  let stt = configuredSpeechToText(config, logger);
  let noteWriter = configuredNoteWriter(config, logger);
  if (stt && tracing) stt = traceSpeechToText(stt, tracing);
  if (noteWriter && tracing) noteWriter = traceNoteWriter(noteWriter, tracing, model);
  return {
    ...parts,
    storage,
    stt: stt && metrics ? measureSpeechToText(stt, metrics, speechModelName(config)) : stt,
    noteWriter: noteWriter && metrics ? measureNoteWriter(noteWriter, metrics, model) : noteWriter,
    noteLimits: config.notes,
    logger,
    audioRetentionDays: config.retention.audioDays,
    recordingWindowSeconds: config.transcription.recordingWindowSeconds,
  };
}

/** A bounded label value: the configured model, or for the embedded engine its file's name. */
function modelName(config: Config): string {
  if (!config.llm) return 'none';
  if (config.llm.provider !== 'embedded') return config.llm.model;
  return modelLabel(config.llm.modelPath ?? new URL(config.llm.modelUrl).pathname);
}

/** Likewise for speech: the API's model name, or the embedded engine's model file name. */
function speechModelName(config: Config): string {
  if (!config.stt) return 'none';
  if (config.stt.provider !== 'embedded') return config.stt.model;
  return modelLabel(config.stt.modelPath ?? new URL(config.stt.modelUrl).pathname);
}
