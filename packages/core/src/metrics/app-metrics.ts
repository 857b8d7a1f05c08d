import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The series of the web app and the worker. Label values come from bounded sets only (route
 * templates, providers, models, queues, outcomes): never a patient, user, clinic or encounter id,
 * which would leak identifiers to every dashboard and explode the series count.
 */
export interface AppMetrics {
  registry: Registry;
  httpDuration: Histogram<'route' | 'method' | 'status'>;
  sttDuration: Histogram<'provider' | 'model' | 'outcome'>;
  sttRealTimeFactor: Histogram<'provider' | 'model'>;
  sttAudioSeconds: Counter<'provider' | 'model'>;
  llmDuration: Histogram<'provider' | 'model' | 'outcome'>;
  llmTokens: Counter<'provider' | 'model' | 'direction'>;
  jobDuration: Histogram<'queue' | 'outcome'>;
  jobFailures: Counter<'queue' | 'outcome'>;
  dbQueryDuration: Histogram;
  readiness: Gauge<'component'>;
}

// Seconds: AI calls take from a fraction of a second (a chunk) to minutes (a note on a CPU).
const aiBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80, 160, 320, 640];

export function createAppMetrics(service: 'web' | 'worker'): AppMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by route template (never the raw path), method and status.',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    sttDuration: new Histogram({
      name: 'stt_request_seconds',
      help: 'Speech-to-text calls, by provider, model and outcome (ok or error).',
      labelNames: ['provider', 'model', 'outcome'],
      buckets: aiBuckets,
      registers,
    }),
    sttRealTimeFactor: new Histogram({
      name: 'stt_real_time_factor',
      help: 'Seconds of transcription per second of audio; below 1 is faster than real time.',
      labelNames: ['provider', 'model'],
      buckets: [0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2, 4, 8],
      registers,
    }),
    sttAudioSeconds: new Counter({
      name: 'stt_audio_seconds_total',
      help: 'Seconds of audio transcribed.',
      labelNames: ['provider', 'model'],
      registers,
    }),
    llmDuration: new Histogram({
      name: 'llm_request_seconds',
      help: 'Language model calls, by provider, model and outcome (ok or error).',
      labelNames: ['provider', 'model', 'outcome'],
      buckets: aiBuckets,
      registers,
    }),
    llmTokens: new Counter({
      name: 'llm_tokens_total',
      help: 'Language model tokens, by direction (input or output).',
      labelNames: ['provider', 'model', 'direction'],
      registers,
    }),
    jobDuration: new Histogram({
      name: 'job_duration_seconds',
      help: 'Job runs, by queue and outcome (completed, retry or failed).',
      labelNames: ['queue', 'outcome'],
      buckets: aiBuckets,
      registers,
    }),
    jobFailures: new Counter({
      name: 'job_failures_total',
      help: 'Failed job runs, by queue and outcome (retry: will run again; failed: gave up).',
      labelNames: ['queue', 'outcome'],
      registers,
    }),
    dbQueryDuration: new Histogram({
      name: 'db_query_duration_seconds',
      help: 'Database statements, from send to answer.',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30],
      registers,
    }),
    readiness: new Gauge({
      name: 'readiness_status',
      help: 'Readiness by component at the last probe: 1 up, 0 down (components not configured are absent).',
      labelNames: ['component'],
      registers,
    }),
  };
}
