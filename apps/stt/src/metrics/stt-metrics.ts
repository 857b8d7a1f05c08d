import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ConcurrencyGate } from '../server/concurrency-gate';

export interface SttMetrics {
  registry: Registry;
  /** One answered transcription request, by its HTTP status (499: the client left). */
  observeRequest(labels: { status: number }, seconds: number): void;
  /** One transcription by the engine: how much audio, and how long the engine took. */
  observeTranscription(audioSeconds: number, engineSeconds: number): void;
}

/** What the service's series say it is: whisper.cpp, with this model file. */
const provider = 'whisper.cpp';

/**
 * The service's Prometheus series, in a registry of its own so several services can share a
 * process. The AI series have the names and labels the web app and worker use for their calls
 * (`stt_request_seconds{provider,model,outcome}`, `stt_real_time_factor{provider,model}`), so
 * one dashboard shows both sides; `service="stt"` tells this side apart.
 */
export function createSttMetrics(
  gate: ConcurrencyGate,
  model: { readonly loaded: boolean; readonly label: string },
): SttMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'stt' });
  collectDefaultMetrics({ register: registry });
  const labels = { provider, model: model.label };
  const requestDuration = new Histogram({
    name: 'stt_request_seconds',
    help: 'Transcription requests, from arrival to answer (upload, decoding, waiting and transcription), by outcome: ok, invalid (4xx), busy (503), client_closed (499) or error.',
    labelNames: ['provider', 'model', 'outcome'],
    // From a refusal (milliseconds) to a five-minute window on a slow CPU.
    buckets: [0.05, 0.25, 1, 2.5, 5, 10, 20, 40, 80, 160, 320, 640],
    registers: [registry],
  });
  const audioSeconds = new Counter({
    name: 'stt_audio_seconds_total',
    help: 'Seconds of audio transcribed.',
    labelNames: ['provider', 'model'],
    registers: [registry],
  });
  const realTimeFactor = new Histogram({
    name: 'stt_real_time_factor',
    help: 'Engine seconds per second of audio; below 1 is faster than real time.',
    labelNames: ['provider', 'model'],
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
    observeRequest({ status }, seconds) {
      requestDuration.observe({ ...labels, outcome: outcomeOf(status) }, seconds);
    },
    observeTranscription(audio, engine) {
      audioSeconds.inc(labels, audio);
      if (audio > 0) realTimeFactor.observe(labels, engine / audio);
    },
  };
}

function outcomeOf(status: number): string {
  if (status < 400) return 'ok';
  if (status === 499) return 'client_closed';
  if (status === 503) return 'busy';
  return status < 500 ? 'invalid' : 'error';
}
