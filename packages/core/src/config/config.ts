import path from 'node:path';
import { jobQueues } from '../jobs/job-queues';
import type { Environment } from './config-schema';

export type DatabaseConfig =
  | {
      mode: 'external';
      /** The application's own login: a role that owns nothing and cannot bypass row-level security. */
      url: string;
      /** The owner's login, used only to run migrations. */
      migrationUrl: string | undefined;
      appRolePassword: string | undefined;
      poolMax: number;
    }
  | { mode: 'embedded'; dataDir: string; port: number | undefined; poolMax: number };

export type StorageConfig =
  | { driver: 'local'; dir: string; downloadUrlTtlSeconds: number }
  | {
      driver: 's3';
      bucket: string;
      region: string;
      endpoint: string | undefined;
      forcePathStyle: boolean;
      /** Absent: the SDK's default chain (instance role, IRSA, environment). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      serverSideEncryption:
        { type: 'AES256' } | { type: 'aws:kms'; kmsKeyId: string | undefined } | undefined;
      downloadUrlTtlSeconds: number;
    };

/** Where log lines go besides stdout; shipped from a worker thread with a bounded buffer. */
export type LogShippingConfig =
  | { destination: 'stdout' }
  | {
      destination: 'datadog';
      url: string;
      apiKey: string;
      service: string;
      tags: string | undefined;
      maxBufferedLines: number;
    }
  | {
      destination: 'cloudwatch';
      logGroup: string;
      logStream: string;
      region: string;
      /** Absent: AWS's own endpoint; set for a compatible service or a test double. */
      endpoint: string | undefined;
      maxBufferedLines: number;
    };

export interface Config {
  server: { host: string; port: number; publicUrl: URL; trustProxyHops: number };
  dataDir: string;
  log: { level: Environment['LOG_LEVEL']; shipping: LogShippingConfig };
  /** Absent: no metrics port is opened. */
  metrics: { host: string; port: number } | undefined;
  /** Absent: no span is recorded or exported (the default). */
  tracing: { tracesUrl: string; serviceName: string | undefined } | undefined;
  database: DatabaseConfig;
  redis: { url: string } | undefined;
  auth: {
    /** Absent only in the embedded mode, where a key is generated once and kept under the data directory. */
    signingKey: { privateKeyPem: string; keyId: string } | undefined;
    keyId: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    login: { maxFailures: number; lockoutSeconds: number };
    /** Public keys of signing keys retired by a rotation, trusted until their tokens expire. */
    previousPublicKeys: { kid: string; publicKey: string }[];
  };
  /** Requests per minute; `ai` routes start transcriptions or model calls and cost far more than a read. */
  rateLimits: {
    ipPerMinute: number;
    userPerMinute: number;
    clinicPerMinute: number;
    authIpPerMinute: number;
    aiUserPerMinute: number;
    aiClinicPerMinute: number;
  };
  api: { maxJsonBytes: number };
  storage: StorageConfig;
  uploads: { maxAudioBytes: number; maxChunkBytes: number; maxDocumentBytes: number };
  retention: {
    /** Raw audio is deleted this many days after the note is signed (0: at the next sweep). */
    audioDays: number;
    /**
     * Signed notes younger than this block a patient's erasure unless an admin overrides with a
     * reason: CFM Resolution 1.821/2007 keeps medical records 20 years after the last entry.
     */
    signedNoteYears: number;
  };
  /** Absent: no speech-to-text is configured, and transcription fails with a message saying so. */
  stt:
    | {
        provider: 'openai' | 'deepgram';
        baseUrl: string;
        apiKey: string | undefined;
        model: string;
        timeoutMs: number;
      }
    | {
        provider: 'embedded';
        modelPath: string | undefined;
        modelUrl: string;
        modelSha256: string | undefined;
        modelDirectory: string;
        threads: number | undefined;
      }
    | undefined;
  /**
   * Bounds on what the model may write: every statement and list is bounded in the JSON schema,
   * since a grammar-constrained model otherwise writes until its token limit.
   */
  notes: { maxItems: number; maxItemChars: number; maxEvidence: number };
  /** A whole uploaded recording is transcribed in windows of this length, a few at a time. */
  transcription: { recordingWindowSeconds: number };
  /**
   * How often an open event stream also reads the database by itself: the safety net for a
   * wake-up lost on the way (Redis briefly down); the bus delivers events long before.
   */
  events: { streamPollSeconds: number };
  /**
   * Absent: no language model is configured, and note writing fails with a message saying so.
   * Azure OpenAI is the openai provider with an API version (and its deployment URL as base URL).
   */
  llm:
    | {
        provider: 'openai';
        baseUrl: string;
        apiKey: string | undefined;
        model: string;
        timeoutMs: number;
        azureApiVersion: string | undefined;
      }
    | {
        provider: 'anthropic';
        baseUrl: string;
        apiKey: string | undefined;
        model: string;
        timeoutMs: number;
        maxTokens: number;
      }
    | {
        provider: 'embedded';
        modelPath: string | undefined;
        modelUrl: string;
        modelSha256: string | undefined;
        modelDirectory: string;
        threads: number | undefined;
        /** Tokens of prompt and answer together; capped at what the model was trained for. */
        contextSize: number;
        maxOutputTokens: number;
        /** One answer, prompt included; model loading and queueing excluded. */
        timeoutMs: number;
      }
    | undefined;
  /** Whether this process also works jobs: yes in the embedded mode, the worker's job in a cluster. */
  worker: { inProcess: boolean; maintenanceIntervalSeconds: number };
}

const sttDefaults = {
  openai: { baseUrl: 'https://api.openai.com/v1', model: 'whisper-1' },
  deepgram: { baseUrl: 'https://api.deepgram.com/v1', model: 'nova-2' },
} as const;

/**
 * No STT_PROVIDER: the embedded mode transcribes in-process (the model is downloaded on first
 * use); a cluster has no default, because every worker would download its own copy.
 */
function sttConfig(env: Environment, dataDir: string): Config['stt'] {
  const provider = env.STT_PROVIDER ?? (env.DATABASE_URL ? 'none' : 'embedded');
  if (provider === 'none') return undefined;
  if (provider === 'embedded') {
    return {
      provider,
      modelPath: env.STT_MODEL_PATH ? path.resolve(env.STT_MODEL_PATH) : undefined,
      modelUrl: env.STT_MODEL_URL,
      modelSha256: env.STT_MODEL_SHA256?.toLowerCase(),
      modelDirectory: path.join(dataDir, 'models'),
      threads: env.STT_THREADS,
    };
  }
  return {
    provider,
    baseUrl: env.STT_BASE_URL ?? sttDefaults[provider].baseUrl,
    apiKey: env.STT_API_KEY,
    model: env.STT_MODEL ?? sttDefaults[provider].model,
    timeoutMs: env.STT_TIMEOUT_SECONDS * 1000,
  };
}

/** Qwen2.5 1.5B Instruct, 4-bit: multilingual, follows a JSON schema, runs on a laptop CPU (1.1 GB). */
export const defaultLanguageModel = {
  url: 'https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct-GGUF/resolve/main/qwen2.5-1.5b-instruct-q4_k_m.gguf',
  // As Hugging Face lists it for this file (1,117,320,736 bytes).
  sha256: '6a1a2eb6d15622bf3c96857206351ba97e1af16c30d7a74ee38970e434e9407e',
};

/** Per attempt: a hosted model answers a note in seconds to a minute or two. */
const defaultApiLlmTimeoutSeconds = 180;

/**
 * A note on a CPU model takes minutes. Its job expires after 30 minutes (the bound on a crashed
 * worker), and a note may be asked twice (an invalid answer is retried once): both attempts must
 * end, with a margin, before pg-boss gives the job up. Also the default for the embedded model.
 */
export const maxEmbeddedLlmTimeoutSeconds = Math.floor((jobQueues.generateNote.expireInSeconds - 120) / 2);

/** Like speech-to-text: in-process by default in the embedded mode, nothing by default in a cluster. */
function llmConfig(env: Environment, dataDir: string): Config['llm'] {
  const provider = env.LLM_PROVIDER ?? (env.DATABASE_URL ? 'none' : 'embedded');
  const timeoutMs =
    (env.LLM_TIMEOUT_SECONDS ??
      (provider === 'embedded' ? maxEmbeddedLlmTimeoutSeconds : defaultApiLlmTimeoutSeconds)) * 1000;
  switch (provider) {
    case 'none':
      return undefined;
    case 'embedded': {
      const modelUrl = env.LLM_MODEL_URL ?? defaultLanguageModel.url;
      return {
        provider,
        modelPath: env.LLM_MODEL_PATH ? path.resolve(env.LLM_MODEL_PATH) : undefined,
        modelUrl,
        // The default model's checksum says nothing about a model downloaded from elsewhere.
        modelSha256: (
          env.LLM_MODEL_SHA256 ??
          (modelUrl === defaultLanguageModel.url ? defaultLanguageModel.sha256 : undefined)
        )?.toLowerCase(),
        modelDirectory: path.join(dataDir, 'models'),
        threads: env.LLM_THREADS,
        contextSize: env.LLM_CONTEXT_SIZE,
        maxOutputTokens: env.LLM_MAX_OUTPUT_TOKENS,
        timeoutMs,
      };
    }
    case 'anthropic':
      return {
        provider,
        baseUrl: env.LLM_BASE_URL ?? 'https://api.anthropic.com/v1',
        apiKey: env.LLM_API_KEY,
        model: env.LLM_MODEL ?? 'claude-sonnet-4-5',
        timeoutMs,
        maxTokens: env.LLM_MAX_OUTPUT_TOKENS,
      };
    case 'openai':
    case 'azure':
      return {
        provider: 'openai',
        // Azure has no default: its base URL names the resource and deployment (checked at load).
        baseUrl: env.LLM_BASE_URL ?? 'https://api.openai.com/v1',
        apiKey: env.LLM_API_KEY,
        model: env.LLM_MODEL ?? 'gpt-4o-mini',
        timeoutMs,
        azureApiVersion: provider === 'azure' ? env.LLM_AZURE_API_VERSION : undefined,
      };
  }
}

function logShippingConfig(env: Environment): LogShippingConfig {
  switch (env.LOG_DESTINATION) {
    case 'stdout':
      return { destination: 'stdout' };
    case 'datadog':
      return {
        destination: 'datadog',
        url: env.DATADOG_LOGS_URL ?? `https://http-intake.logs.${env.DATADOG_SITE}/api/v2/logs`,
        apiKey: env.DATADOG_API_KEY ?? '',
        service: env.LOG_SERVICE_NAME,
        tags: env.DATADOG_TAGS,
        maxBufferedLines: env.LOG_BUFFER_MAX_LINES,
      };
    case 'cloudwatch':
      return {
        destination: 'cloudwatch',
        logGroup: env.CLOUDWATCH_LOG_GROUP ?? '',
        logStream: env.CLOUDWATCH_LOG_STREAM ?? `${env.LOG_SERVICE_NAME}-${process.pid}-${Date.now()}`,
        region: env.CLOUDWATCH_REGION ?? env.S3_REGION,
        endpoint: env.CLOUDWATCH_ENDPOINT,
        maxBufferedLines: env.LOG_BUFFER_MAX_LINES,
      };
  }
}

/** OTLP/HTTP: the signal's own URL as given, else `/v1/traces` under the base endpoint (as the OTel spec says). */
function tracesUrl(env: Environment): string {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  return `${(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? '').replace(/\/+$/, '')}/v1/traces`;
}

export function toConfig(env: Environment): Config {
  const dataDir = path.resolve(env.DATA_DIR);
  const publicUrl = new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`);
  return {
    server: { host: env.HOST, port: env.PORT, publicUrl, trustProxyHops: env.TRUST_PROXY_HOPS },
    dataDir,
    log: { level: env.LOG_LEVEL, shipping: logShippingConfig(env) },
    metrics:
      env.METRICS_PORT === undefined
        ? undefined
        : { host: env.METRICS_HOST ?? env.HOST, port: env.METRICS_PORT },
    tracing: env.OTEL_TRACES_ENABLED
      ? { tracesUrl: tracesUrl(env), serviceName: env.OTEL_SERVICE_NAME }
      : undefined,
    database: env.DATABASE_URL
      ? {
          mode: 'external',
          url: env.DATABASE_URL,
          migrationUrl: env.DATABASE_MIGRATION_URL,
          appRolePassword: env.DATABASE_APP_PASSWORD,
          poolMax: env.DATABASE_POOL_MAX,
        }
      : {
          mode: 'embedded',
          dataDir: path.join(dataDir, 'postgres'),
          port: env.EMBEDDED_POSTGRES_PORT,
          poolMax: env.DATABASE_POOL_MAX,
        },
    redis: env.REDIS_URL ? { url: env.REDIS_URL } : undefined,
    auth: {
      signingKey: env.AUTH_JWT_PRIVATE_KEY
        ? { privateKeyPem: env.AUTH_JWT_PRIVATE_KEY.replaceAll('\\n', '\n'), keyId: env.AUTH_JWT_KEY_ID }
        : undefined,
      keyId: env.AUTH_JWT_KEY_ID,
      accessTokenTtlSeconds: env.AUTH_ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: env.AUTH_REFRESH_TOKEN_TTL_DAYS * 86_400,
      login: { maxFailures: env.AUTH_LOGIN_MAX_FAILURES, lockoutSeconds: env.AUTH_LOGIN_LOCKOUT_SECONDS },
      previousPublicKeys: env.AUTH_JWT_PREVIOUS_PUBLIC_KEYS ?? [],
    },
    rateLimits: {
      ipPerMinute: env.RATE_LIMIT_IP_PER_MINUTE,
      userPerMinute: env.RATE_LIMIT_USER_PER_MINUTE,
      clinicPerMinute: env.RATE_LIMIT_CLINIC_PER_MINUTE,
      authIpPerMinute: env.RATE_LIMIT_AUTH_IP_PER_MINUTE,
      aiUserPerMinute: env.RATE_LIMIT_AI_USER_PER_MINUTE,
      aiClinicPerMinute: env.RATE_LIMIT_AI_CLINIC_PER_MINUTE,
    },
    api: { maxJsonBytes: env.API_MAX_JSON_BYTES },
    storage: env.S3_BUCKET
      ? {
          driver: 's3',
          bucket: env.S3_BUCKET,
          region: env.S3_REGION,
          endpoint: env.S3_ENDPOINT,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
          credentials:
            env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
              ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
              : undefined,
          serverSideEncryption:
            env.S3_SERVER_SIDE_ENCRYPTION === 'aws:kms'
              ? { type: 'aws:kms', kmsKeyId: env.S3_KMS_KEY_ID }
              : env.S3_SERVER_SIDE_ENCRYPTION === 'AES256'
                ? { type: 'AES256' }
                : undefined,
          downloadUrlTtlSeconds: env.STORAGE_DOWNLOAD_URL_TTL_SECONDS,
        }
      : {
          driver: 'local',
          dir: path.resolve(env.STORAGE_DIR ?? path.join(dataDir, 'objects')),
          downloadUrlTtlSeconds: env.STORAGE_DOWNLOAD_URL_TTL_SECONDS,
        },
    stt: sttConfig(env, dataDir),
    llm: llmConfig(env, dataDir),
    notes: {
      maxItems: env.NOTE_MAX_ITEMS_PER_SECTION,
      maxItemChars: env.NOTE_MAX_ITEM_CHARS,
      maxEvidence: 8,
    },
    transcription: { recordingWindowSeconds: env.STT_WINDOW_SECONDS },
    events: { streamPollSeconds: env.EVENT_STREAM_POLL_SECONDS },
    worker: {
      inProcess: env.RUN_WORKER === 'auto' ? !env.DATABASE_URL : env.RUN_WORKER === 'true',
      maintenanceIntervalSeconds: env.JOB_MAINTENANCE_INTERVAL_SECONDS,
    },
    uploads: {
      maxAudioBytes: env.UPLOAD_MAX_AUDIO_BYTES,
      maxChunkBytes: env.UPLOAD_MAX_CHUNK_BYTES,
      maxDocumentBytes: env.UPLOAD_MAX_DOCUMENT_BYTES,
    },
    retention: {
      audioDays: env.AUDIO_RETENTION_DAYS,
      signedNoteYears: env.SIGNED_NOTE_RETENTION_YEARS,
    },
  };
}
