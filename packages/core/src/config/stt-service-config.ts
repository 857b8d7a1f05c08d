import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './load-config';

const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
// 0 lets the operating system pick a free port: tests start several services side by side.
const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/** The environment of `apps/stt`, the Whisper service: its own small set, so it needs none of the web app's. */
export const sttServiceEnvironmentSchema = z.object({
  // Loopback by default: the service has no authentication, so exposing it is a deliberate act
  // (HOST=0.0.0.0 in a container whose network policy admits only the app).
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port.default(9000),
  // 9464 is the port Prometheus exporters conventionally use; scraped apart from the API port.
  METRICS_PORT: port.default(9464),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  STT_MODEL_PATH: optionalString,
  STT_MODEL_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .default('https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-base.bin'),
  STT_MODEL_SHA256: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits')
      .optional(),
  ),
  STT_MODEL_DIR: z.string().trim().min(1).default('./data/models'),
  STT_THREADS: z.preprocess(emptyToUndefined, positiveInt.max(256).optional()),
  // Only the CUDA image's whisper.cpp can use a GPU; the CPU build ignores the request.
  STT_GPU: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
      .default('')
      .transform((value) => ['true', '1', 'yes'].includes(value)),
  ),
  // whisper.cpp already uses every core for one transcription; more at once only share them.
  STT_MAX_CONCURRENCY: positiveInt.max(64).default(1),
  // Enough for a worker's two windows per job from a few jobs; beyond it, callers retry later.
  STT_MAX_QUEUE: z.coerce.number().int().min(0).max(10_000).default(8),
  // OpenAI's own limit: every client of this API already splits audio below it.
  STT_MAX_UPLOAD_BYTES: positiveInt.default(25 * 1024 * 1024),
});

export type SttServiceEnvironment = z.infer<typeof sttServiceEnvironmentSchema>;

export interface SttServiceConfig {
  server: { host: string; port: number; metricsPort: number };
  log: { level: SttServiceEnvironment['LOG_LEVEL'] };
  model: {
    /** A model file already on disk; when set, nothing is downloaded. */
    path: string | undefined;
    url: string;
    sha256: string | undefined;
    /** Where a downloaded model is kept. */
    directory: string;
  };
  /** Threads per transcription; absent: the cores divided among the concurrent transcriptions. */
  threads: number | undefined;
  /** Ask whisper.cpp for the GPU (the CUDA image); a CPU-only build runs on the CPU regardless. */
  gpu: boolean;
  limits: { maxConcurrency: number; maxQueue: number; maxUploadBytes: number };
}

/**
 * The stt service's configuration, read from the environment once. Every problem is collected
 * before failing (ConfigError), as for the web app, so a deployment is fixed in one pass.
 */
export function loadSttServiceConfig(
  env: Record<string, string | undefined> = process.env,
): SttServiceConfig {
  const parsed = sttServiceEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const values = parsed.data;
  if (values.PORT !== 0 && values.PORT === values.METRICS_PORT) {
    throw new ConfigError([
      'METRICS_PORT: must differ from PORT, since metrics are served on their own port',
    ]);
  }
  return {
    server: { host: values.HOST, port: values.PORT, metricsPort: values.METRICS_PORT },
    log: { level: values.LOG_LEVEL },
    model: {
      path: values.STT_MODEL_PATH ? path.resolve(values.STT_MODEL_PATH) : undefined,
      url: values.STT_MODEL_URL,
      sha256: values.STT_MODEL_SHA256?.toLowerCase(),
      directory: path.resolve(values.STT_MODEL_DIR),
    },
    threads: values.STT_THREADS,
    gpu: values.STT_GPU,
    limits: {
      maxConcurrency: values.STT_MAX_CONCURRENCY,
      maxQueue: values.STT_MAX_QUEUE,
      maxUploadBytes: values.STT_MAX_UPLOAD_BYTES,
    },
  };
}

/** The entry point calls this: a bad configuration ends the process with every problem named. */
export function loadSttServiceConfigOrExit(): SttServiceConfig {
  try {
    return loadSttServiceConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee docs/architecture.md (apps/stt) for every variable.\n`);
      process.exit(1);
    }
    throw error;
  }
}

function emptyToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}
