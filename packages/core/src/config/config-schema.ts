import { createPublicKey } from 'node:crypto';
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const postgresUrl = z
  .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
  .optional();
const redisUrl = z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional();

/**
 * Keys retired by a rotation, still trusted until the tokens they signed expire:
 * a JSON array of `{ "kid": "...", "publicKey": "-----BEGIN PUBLIC KEY-----..." }`.
 */
const previousPublicKeys = z
  .string()
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a JSON array of { kid, publicKey }' });
      return z.NEVER;
    }
  })
  .pipe(
    z.array(
      z.strictObject({
        kid: z.string().trim().min(1).max(64),
        publicKey: z
          .string()
          .transform((pem) => pem.replaceAll('\\n', '\n'))
          .refine(isEd25519PublicKey, 'must be an Ed25519 public key in PEM form'),
      }),
    ),
  );

/** Five minutes of 16 kHz PCM is about 9.6 MB: well under every hosted API's upload limit. */
export const defaultRecordingWindowSeconds = 300;

const sha256 = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits');

const booleanFlag = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .transform((value) => ['true', '1', 'yes'].includes(value)),
);

/** Every environment variable the product reads, as it arrives: strings, most of them optional. */
export const environmentSchema = z.object({
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_DESTINATION: z.enum(['stdout', 'datadog', 'cloudwatch']).default('stdout'),
  LOG_BUFFER_MAX_LINES: positiveInt.max(1_000_000).default(10_000),
  LOG_SERVICE_NAME: z.string().trim().min(1).max(100).default('healthcare'),
  DATADOG_API_KEY: optionalString,
  DATADOG_SITE: z.string().trim().min(1).default('datadoghq.com'),
  DATADOG_LOGS_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  DATADOG_TAGS: optionalString,
  CLOUDWATCH_LOG_GROUP: optionalString,
  CLOUDWATCH_LOG_STREAM: optionalString,
  CLOUDWATCH_REGION: optionalString,
  CLOUDWATCH_ENDPOINT: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  METRICS_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).optional()),
  METRICS_HOST: optionalString,
  OTEL_TRACES_ENABLED: booleanFlag.default(false),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/ }).optional(),
  ),
  OTEL_SERVICE_NAME: optionalString,

  DATABASE_URL: z.preprocess(emptyToUndefined, postgresUrl),
  DATABASE_MIGRATION_URL: z.preprocess(emptyToUndefined, postgresUrl),
  DATABASE_APP_PASSWORD: optionalString,
  DATABASE_POOL_MAX: positiveInt.max(200).default(10),
  EMBEDDED_POSTGRES_PORT: z.preprocess(emptyToUndefined, port.optional()),

  REDIS_URL: z.preprocess(emptyToUndefined, redisUrl),

  AUTH_JWT_PRIVATE_KEY: optionalString,
  AUTH_JWT_KEY_ID: z.string().trim().min(1).max(64).default('main'),
  AUTH_ACCESS_TOKEN_TTL_SECONDS: positiveInt.max(3600).default(900),
  AUTH_REFRESH_TOKEN_TTL_DAYS: positiveInt.max(365).default(30),
  AUTH_LOGIN_MAX_FAILURES: positiveInt.max(100).default(5),
  AUTH_LOGIN_LOCKOUT_SECONDS: positiveInt.max(86_400).default(900),
  AUTH_JWT_PREVIOUS_PUBLIC_KEYS: z.preprocess(emptyToUndefined, previousPublicKeys.optional()),

  RATE_LIMIT_IP_PER_MINUTE: positiveInt.default(1200),
  RATE_LIMIT_USER_PER_MINUTE: positiveInt.default(600),
  RATE_LIMIT_CLINIC_PER_MINUTE: positiveInt.default(6000),
  RATE_LIMIT_AUTH_IP_PER_MINUTE: positiveInt.default(100),
  RATE_LIMIT_AI_USER_PER_MINUTE: positiveInt.default(30),
  RATE_LIMIT_AI_CLINIC_PER_MINUTE: positiveInt.default(300),

  API_MAX_JSON_BYTES: positiveInt.max(64 * 1024 * 1024).default(1024 * 1024),

  STORAGE_DIR: optionalString,
  S3_BUCKET: optionalString,
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  S3_ENDPOINT: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  S3_FORCE_PATH_STYLE: booleanFlag.default(false),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_SERVER_SIDE_ENCRYPTION: z.preprocess(emptyToUndefined, z.enum(['AES256', 'aws:kms']).optional()),
  S3_KMS_KEY_ID: optionalString,
  STORAGE_DOWNLOAD_URL_TTL_SECONDS: positiveInt.max(7 * 86_400).default(300),

  STT_PROVIDER: z.preprocess(emptyToUndefined, z.enum(['embedded', 'openai', 'deepgram', 'none']).optional()),
  STT_MODEL_PATH: optionalString,
  STT_MODEL_URL: z
    .url({ protocol: /^https?$/ })
    .default('https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-base.bin'),
  STT_MODEL_SHA256: z.preprocess(emptyToUndefined, sha256.optional()),
  STT_THREADS: z.preprocess(emptyToUndefined, positiveInt.max(256).optional()),
  STT_BASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  STT_API_KEY: optionalString,
  STT_MODEL: optionalString,
  STT_TIMEOUT_SECONDS: positiveInt.max(3_600).default(120),
  // 780 s of 16 kHz 16-bit PCM is just under the 25 MB upload limit of the hosted APIs.
  STT_WINDOW_SECONDS: positiveInt.min(2).max(780).default(defaultRecordingWindowSeconds),

  LLM_PROVIDER: z.preprocess(
    emptyToUndefined,
    z.enum(['embedded', 'openai', 'azure', 'anthropic', 'none']).optional(),
  ),
  LLM_BASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  LLM_API_KEY: optionalString,
  LLM_MODEL: optionalString,
  // Default by provider (see config.ts): an API answers in a minute or two, a CPU model in many.
  LLM_TIMEOUT_SECONDS: z.preprocess(emptyToUndefined, positiveInt.max(3_600).optional()),
  LLM_AZURE_API_VERSION: optionalString,
  LLM_MAX_OUTPUT_TOKENS: z.preprocess(emptyToUndefined, positiveInt.max(131_072).default(4_096)),
  LLM_MODEL_PATH: optionalString,
  LLM_MODEL_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  LLM_MODEL_SHA256: z.preprocess(emptyToUndefined, sha256.optional()),
  LLM_THREADS: z.preprocess(emptyToUndefined, positiveInt.max(256).optional()),
  LLM_CONTEXT_SIZE: z.preprocess(emptyToUndefined, positiveInt.min(512).max(1_048_576).default(16_384)),
  NOTE_MAX_ITEMS_PER_SECTION: z.preprocess(emptyToUndefined, positiveInt.max(100).default(30)),
  NOTE_MAX_ITEM_CHARS: z.preprocess(emptyToUndefined, positiveInt.min(20).max(2_000).default(400)),

  EVENT_STREAM_POLL_SECONDS: positiveInt.max(3_600).default(5),

  RUN_WORKER: z.enum(['auto', 'true', 'false']).default('auto'),
  JOB_MAINTENANCE_INTERVAL_SECONDS: positiveInt.max(3_600).default(30),

  UPLOAD_MAX_AUDIO_BYTES: positiveInt.default(2 * 1024 ** 3),
  UPLOAD_MAX_CHUNK_BYTES: positiveInt.default(64 * 1024 ** 2),
  UPLOAD_MAX_DOCUMENT_BYTES: positiveInt.default(50 * 1024 ** 2),

  AUDIO_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(30),
  SIGNED_NOTE_RETENTION_YEARS: z.coerce.number().int().min(0).max(100).default(20),
});

function isEd25519PublicKey(pem: string): boolean {
  try {
    return createPublicKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

function emptyToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

export type Environment = z.infer<typeof environmentSchema>;
