import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ConcurrencyGate } from '../server/concurrency-gate';

export interface SttMetrics {
  registry: Registry;
  /** One answered transcription request; labels are bounded sets, never request content. */
  observeRequest(labels: { responseFormat: string; status: number }, seconds: number): void;
  /** One transcription by the engine: how much audio, and how long the engine took. */
  observeTranscription(audioSeconds: number, engineSeconds: number): void;
}

/** The service's Prometheus series, in a registry of its own so several services can share a process. */
export function createSttMetrics(gate: ConcurrencyGate, model: { readonly loaded: boolean }): SttMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requestDuration = new Histogram({
    name: 'stt_request_duration_seconds',
    help: 'Transcription requests, from arrival to answer (upload, decoding, waiting and transcription).',
    labelNames: ['response_format', 'status'],
    // From a refusal (milliseconds) to a five-minute window on a slow CPU.
    buckets: [0.05, 0.25, 1, 2.5, 5, 10, 20, 40, 80, 160, 320, 640],
    registers: [registry],
  });
  const audioSeconds = new Counter({
    name: 'stt_audio_seconds_total',
    help: 'Seconds of audio transcribed.',
    registers: [registry],
  });
  const realTimeFactor = new Histogram({
    name: 'stt_real_time_factor',
    help: 'Engine seconds per second of audio; below 1 is faster than real time.',
    buckets: [0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2, 4, 8],
    registers: [registry],
  });
  new Gauge({
    name: 'stt_queue_depth',
    help: 'Requests holding a place but not yet transcribing: still uploading, decoding, or waiting for the engine.',
    registers: [registry],
    collect() {
      this.set(gate.waiting);
    },
  });
  new Gauge({
    name: 'stt_in_flight',
    help: 'Transcriptions running on the engine now.',
    registers: [registry],
    collect() {
      this.set(gate.running);
    },
  });
  new Gauge({
    name: 'stt_model_loaded',
    help: '1 when the Whisper model is in memory.',
    registers: [registry],
    collect() {
      this.set(model.loaded ? 1 : 0);
    },
  });
  return {
    registry,
    observeRequest({ responseFormat, status }, seconds) {
      requestDuration.observe({ response_format: responseFormat, status: String(status) }, seconds);
    },
    observeTranscription(audio, engine) {
      audioSeconds.inc(audio);
      if (audio > 0) realTimeFactor.observe(engine / audio);
    },
  };
}
