import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './load-config';
import { loadSttServiceConfig } from './stt-service-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadSttServiceConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadSttServiceConfig', () => {
  it('should give one transcription at a time, a short queue and OpenAI’s upload limit by default', () => {
    expect(loadSttServiceConfig({})).toEqual({
      server: { host: '127.0.0.1', port: 9000, metricsPort: 9464 },
      log: { level: 'info' },
      model: {
        path: undefined,
        url: 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-base.bin',
        sha256: undefined,
        directory: path.resolve('data/models'),
      },
      threads: undefined,
      gpu: false,
      limits: { maxConcurrency: 1, maxQueue: 8, maxUploadBytes: 25 * 1024 * 1024 },
    });
  });

  it('should read every variable it knows', () => {
    const config = loadSttServiceConfig({
      HOST: '0.0.0.0',
      PORT: '8000',
      METRICS_PORT: '8001',
      LOG_LEVEL: 'debug',
      STT_MODEL_PATH: 'models/ggml-small.bin',
      STT_MODEL_SHA256: 'A'.repeat(64),
      STT_MODEL_DIR: '/var/lib/stt',
      STT_THREADS: '8',
      STT_GPU: 'true',
      STT_MAX_CONCURRENCY: '2',
      STT_MAX_QUEUE: '0',
      STT_MAX_UPLOAD_BYTES: '1048576',
    });
    expect(config).toMatchObject({
      server: { host: '0.0.0.0', port: 8000, metricsPort: 8001 },
      log: { level: 'debug' },
      model: {
        path: path.resolve('models/ggml-small.bin'),
        sha256: 'a'.repeat(64),
        directory: '/var/lib/stt',
      },
      threads: 8,
      gpu: true,
      limits: { maxConcurrency: 2, maxQueue: 0, maxUploadBytes: 1_048_576 },
    });
  });

  it('should name every bad variable at once', () => {
    const problems = problemsOf({
      PORT: 'ninety',
      METRICS_PORT: '70000',
      LOG_LEVEL: 'loud',
      STT_MODEL_URL: 'ftp://models/x.bin',
      STT_MODEL_SHA256: 'abc',
      STT_THREADS: '0',
      STT_GPU: 'maybe',
      STT_MAX_CONCURRENCY: 'many',
      STT_MAX_QUEUE: '-1',
      STT_MAX_UPLOAD_BYTES: '1.5',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'LOG_LEVEL',
      'METRICS_PORT',
      'PORT',
      'STT_GPU',
      'STT_MAX_CONCURRENCY',
      'STT_MAX_QUEUE',
      'STT_MAX_UPLOAD_BYTES',
      'STT_MODEL_SHA256',
      'STT_MODEL_URL',
      'STT_THREADS',
    ]);
  });

  it('should refuse metrics on the API port, but let both be chosen by the system', () => {
    expect(problemsOf({ PORT: '9000', METRICS_PORT: '9000' })).toEqual([
      expect.stringMatching(/^METRICS_PORT: must differ from PORT/),
    ]);
    expect(loadSttServiceConfig({ PORT: '0', METRICS_PORT: '0' }).server).toMatchObject({
      port: 0,
      metricsPort: 0,
    });
  });

  it('should treat empty variables as unset', () => {
    const config = loadSttServiceConfig({ STT_MODEL_PATH: ' ', STT_THREADS: '', STT_MODEL_SHA256: '' });
    expect(config.model.path).toBeUndefined();
    expect(config.threads).toBeUndefined();
    expect(config.model.sha256).toBeUndefined();
  });
});
