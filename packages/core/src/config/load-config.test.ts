import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultLanguageModel } from './config';
import { ConfigError, loadConfig } from './load-config';

const privateKeyPem = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('should give the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.database).toMatchObject({ mode: 'embedded', poolMax: 10 });
    expect(config.database.mode === 'embedded' && config.database.dataDir).toMatch(/data\/postgres$/);
    expect(config.server).toMatchObject({ host: '127.0.0.1', port: 3000, trustProxyHops: 0 });
    expect(config.server.publicUrl.toString()).toBe('http://localhost:3000/');
    expect(config.redis).toBeUndefined();
    expect(config.auth).toMatchObject({
      signingKey: undefined,
      accessTokenTtlSeconds: 900,
      refreshTokenTtlSeconds: 30 * 86_400,
    });
  });

  it('should switch to the cluster mode when DATABASE_URL and REDIS_URL are set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://healthcare_app:pw@db:5432/healthcare',
      DATABASE_MIGRATION_URL: 'postgres://owner:pw@db:5432/healthcare',
      REDIS_URL: 'redis://cache:6379',
      S3_BUCKET: 'healthcare-objects',
      AUTH_JWT_PRIVATE_KEY: privateKeyPem,
      PORT: '8080',
      PUBLIC_URL: 'https://clinic.example.com',
    });
    expect(config.database).toMatchObject({
      mode: 'external',
      url: 'postgres://healthcare_app:pw@db:5432/healthcare',
    });
    expect(config.redis).toEqual({ url: 'redis://cache:6379' });
    expect(config.auth.signingKey?.keyId).toBe('main');
    expect(config.server.publicUrl.protocol).toBe('https:');
  });

  it('should accept a PEM key written on one line with \\n escapes, as secret stores often do', () => {
    const config = loadConfig({ AUTH_JWT_PRIVATE_KEY: privateKeyPem.replaceAll('\n', '\\n') });
    expect(config.auth.signingKey?.privateKeyPem).toBe(privateKeyPem);
  });

  it('should take retired signing keys as Ed25519 public keys and refuse anything else', () => {
    const publicKey = generateKeyPairSync('ed25519')
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const config = loadConfig({
      AUTH_JWT_PREVIOUS_PUBLIC_KEYS: JSON.stringify([{ kid: 'old', publicKey }]),
    });
    expect(config.auth.previousPublicKeys).toEqual([{ kid: 'old', publicKey }]);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(
      problemsOf({ AUTH_JWT_PREVIOUS_PUBLIC_KEYS: JSON.stringify([{ kid: 'old', publicKey: rsa }]) }),
    ).toEqual([expect.stringMatching(/^AUTH_JWT_PREVIOUS_PUBLIC_KEYS.*Ed25519/)]);
    expect(problemsOf({ AUTH_JWT_PREVIOUS_PUBLIC_KEYS: 'old=key' })).toEqual([
      expect.stringMatching(/^AUTH_JWT_PREVIOUS_PUBLIC_KEYS.*JSON array/),
    ]);
  });

  it('should name every bad variable at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db/x',
      REDIS_URL: 'not a url',
      LOG_LEVEL: 'loud',
      PUBLIC_URL: 'ftp://x',
      AUTH_ACCESS_TOKEN_TTL_SECONDS: '-5',
    });
    const variables = problems.map((problem) => problem.split(':')[0]);
    expect(variables.sort()).toEqual([
      'AUTH_ACCESS_TOKEN_TTL_SECONDS',
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'PUBLIC_URL',
      'REDIS_URL',
    ]);
  });

  it('should refuse a cluster without a signing key, since replicas must share it', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://app@db/x', S3_BUCKET: 'b' })).toEqual([
      expect.stringMatching(/^AUTH_JWT_PRIVATE_KEY: required/),
    ]);
  });

  it('should refuse a signing key that is not a PKCS#8 PEM', () => {
    expect(problemsOf({ AUTH_JWT_PRIVATE_KEY: 'secret' })).toEqual([
      expect.stringMatching(/^AUTH_JWT_PRIVATE_KEY: must be/),
    ]);
  });

  it('should refuse a cluster that would keep uploads on one replica’s disk', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://app@db/x', AUTH_JWT_PRIVATE_KEY: privateKeyPem })).toEqual([
      expect.stringMatching(/^S3_BUCKET: required/),
    ]);
    const singleServer = loadConfig({
      DATABASE_URL: 'postgres://app@db/x',
      AUTH_JWT_PRIVATE_KEY: privateKeyPem,
      STORAGE_DIR: '/srv/objects',
    });
    expect(singleServer.storage).toMatchObject({ driver: 'local', dir: '/srv/objects' });
  });

  it('should configure S3 with path-style addressing, static credentials and KMS encryption', () => {
    const config = loadConfig({
      S3_BUCKET: 'b',
      S3_ENDPOINT: 'http://minio:9000',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_SERVER_SIDE_ENCRYPTION: 'aws:kms',
      S3_KMS_KEY_ID: 'alias/healthcare',
    });
    expect(config.storage).toEqual({
      driver: 's3',
      bucket: 'b',
      region: 'us-east-1',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
      serverSideEncryption: { type: 'aws:kms', kmsKeyId: 'alias/healthcare' },
      downloadUrlTtlSeconds: 300,
    });
    expect(problemsOf({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'id' })).toEqual([
      expect.stringMatching(/^S3_ACCESS_KEY_ID/),
    ]);
    expect(problemsOf({ S3_FORCE_PATH_STYLE: 'maybe' })).toEqual([
      expect.stringMatching(/^S3_FORCE_PATH_STYLE/),
    ]);
  });

  it('should choose speech-to-text defaults by provider and run the worker in-process only when embedded', () => {
    expect(loadConfig({ STT_PROVIDER: 'deepgram', STT_API_KEY: 'k' }).stt).toMatchObject({
      provider: 'deepgram',
      baseUrl: 'https://api.deepgram.com/v1',
      model: 'nova-2',
      timeoutMs: 120_000,
    });
    expect(loadConfig({ STT_PROVIDER: 'openai', STT_BASE_URL: 'http://stt:8000/v1' }).stt).toMatchObject({
      baseUrl: 'http://stt:8000/v1',
      model: 'whisper-1',
    });
    expect(loadConfig({}).stt).toMatchObject({
      provider: 'embedded',
      modelPath: undefined,
      modelUrl: 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-base.bin',
      modelDirectory: expect.stringMatching(/data\/models$/),
    });
    expect(loadConfig({ STT_PROVIDER: 'none' }).stt).toBeUndefined();
    expect(loadConfig({}).worker.inProcess).toBe(true);
    const cluster = {
      DATABASE_URL: 'postgres://app@db/x',
      AUTH_JWT_PRIVATE_KEY: privateKeyPem,
      S3_BUCKET: 'b',
    };
    // A cluster has no default engine: every worker would download its own copy of the model.
    expect(loadConfig(cluster).stt).toBeUndefined();
    expect(loadConfig(cluster).worker.inProcess).toBe(false);
    expect(loadConfig({ ...cluster, RUN_WORKER: 'true' }).worker.inProcess).toBe(true);
    expect(problemsOf({ STT_PROVIDER: 'whisperx' })).toEqual([expect.stringMatching(/^STT_PROVIDER/)]);
  });

  it('should run the language model in-process by default, with a checked download of Qwen2.5 1.5B', () => {
    expect(loadConfig({}).llm).toEqual({
      provider: 'embedded',
      modelPath: undefined,
      modelUrl:
        'https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct-GGUF/resolve/main/qwen2.5-1.5b-instruct-q4_k_m.gguf',
      modelSha256: '6a1a2eb6d15622bf3c96857206351ba97e1af16c30d7a74ee38970e434e9407e',
      modelDirectory: expect.stringMatching(/data\/models$/),
      threads: undefined,
      contextSize: 16_384,
      maxOutputTokens: 4_096,
      // Minutes on a CPU: two attempts fit in the note job's 30-minute expiry.
      timeoutMs: 840_000,
    });
    const own = loadConfig({
      LLM_MODEL_PATH: './models/mine.gguf',
      LLM_THREADS: '2',
      LLM_CONTEXT_SIZE: '8192',
      LLM_MAX_OUTPUT_TOKENS: '2048',
      LLM_TIMEOUT_SECONDS: '600',
    }).llm;
    expect(own).toMatchObject({ threads: 2, contextSize: 8192, maxOutputTokens: 2048, timeoutMs: 600_000 });
    expect(own?.provider === 'embedded' && own.modelPath).toMatch(/^\/.*models\/mine\.gguf$/);
    // As copied from .env.example, the default URL keeps its checksum; another model's download is
    // checked only against a checksum given for it.
    expect(loadConfig({ LLM_MODEL_URL: defaultLanguageModel.url }).llm).toMatchObject({
      modelSha256: defaultLanguageModel.sha256,
    });
    expect(loadConfig({ LLM_MODEL_URL: 'https://models.example/other.gguf' }).llm).toMatchObject({
      modelUrl: 'https://models.example/other.gguf',
      modelSha256: undefined,
    });
    expect(
      loadConfig({ LLM_MODEL_URL: 'https://models.example/other.gguf', LLM_MODEL_SHA256: 'AB'.repeat(32) })
        .llm,
    ).toMatchObject({ modelSha256: 'ab'.repeat(32) });
  });

  it('should choose language model defaults by provider, Azure included', () => {
    expect(loadConfig({ LLM_PROVIDER: 'openai', LLM_API_KEY: 'sk' }).llm).toEqual({
      provider: 'openai',
      baseUrl: 'https://api.openai.com/v1',
      apiKey: 'sk',
      model: 'gpt-4o-mini',
      timeoutMs: 180_000,
      azureApiVersion: undefined,
    });
    // A self-hosted OpenAI-compatible server (vLLM, Ollama) needs no key.
    expect(
      loadConfig({ LLM_PROVIDER: 'openai', LLM_BASE_URL: 'http://ollama:11434/v1', LLM_MODEL: 'qwen2.5:7b' })
        .llm,
    ).toMatchObject({ baseUrl: 'http://ollama:11434/v1', apiKey: undefined, model: 'qwen2.5:7b' });
    expect(
      loadConfig({
        LLM_PROVIDER: 'azure',
        LLM_BASE_URL: 'https://clinic.openai.azure.com/openai/deployments/notes',
        LLM_API_KEY: 'azure-key',
        LLM_AZURE_API_VERSION: '2024-10-21',
        LLM_TIMEOUT_SECONDS: '60',
      }).llm,
    ).toMatchObject({
      provider: 'openai',
      baseUrl: 'https://clinic.openai.azure.com/openai/deployments/notes',
      azureApiVersion: '2024-10-21',
      timeoutMs: 60_000,
    });
    expect(loadConfig({ LLM_PROVIDER: 'anthropic', LLM_API_KEY: 'sk-ant' }).llm).toEqual({
      provider: 'anthropic',
      baseUrl: 'https://api.anthropic.com/v1',
      apiKey: 'sk-ant',
      model: 'claude-sonnet-4-5',
      timeoutMs: 180_000,
      maxTokens: 4_096,
    });
    expect(loadConfig({ LLM_PROVIDER: 'none' }).llm).toBeUndefined();
    // A cluster has no default, as for speech-to-text: every worker would download its own copy.
    expect(
      loadConfig({ DATABASE_URL: 'postgres://app@db/x', AUTH_JWT_PRIVATE_KEY: privateKeyPem, S3_BUCKET: 'b' })
        .llm,
    ).toBeUndefined();
  });

  it('should name every bad language model variable at once', () => {
    expect(problemsOf({ LLM_PROVIDER: 'azure' })).toEqual([
      expect.stringMatching(/^LLM_BASE_URL: required when LLM_PROVIDER=azure: the deployment URL/),
      expect.stringMatching(/^LLM_AZURE_API_VERSION: required when LLM_PROVIDER=azure/),
      expect.stringMatching(/^LLM_API_KEY: required when LLM_PROVIDER=azure$/),
    ]);
    expect(problemsOf({ LLM_PROVIDER: 'openai', LLM_AZURE_API_VERSION: '2024-10-21' })).toEqual([
      expect.stringMatching(/^LLM_AZURE_API_VERSION: set LLM_PROVIDER=azure too/),
      expect.stringMatching(/^LLM_API_KEY: required when LLM_PROVIDER=openai without LLM_BASE_URL/),
    ]);
    expect(problemsOf({ LLM_PROVIDER: 'anthropic' })).toEqual([expect.stringMatching(/^LLM_API_KEY/)]);
    expect(problemsOf({ LLM_CONTEXT_SIZE: '4096', LLM_MAX_OUTPUT_TOKENS: '4096' })).toEqual([
      expect.stringMatching(/^LLM_MAX_OUTPUT_TOKENS: must be smaller than LLM_CONTEXT_SIZE/),
    ]);
    // Past it, the job would expire under a note still being written.
    expect(problemsOf({ LLM_TIMEOUT_SECONDS: '841' })).toEqual([
      expect.stringMatching(/^LLM_TIMEOUT_SECONDS: at most 840 with LLM_PROVIDER=embedded/),
    ]);
    expect(
      problemsOf({ LLM_PROVIDER: 'openai', LLM_BASE_URL: 'http://vllm/v1', LLM_TIMEOUT_SECONDS: '900' }),
    ).toEqual([]);
    const malformed = problemsOf({
      LLM_PROVIDER: 'gpt',
      LLM_BASE_URL: 'ollama:11434',
      LLM_MODEL_SHA256: 'abc',
      LLM_THREADS: 'many',
      LLM_CONTEXT_SIZE: '100',
    });
    expect(malformed.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'LLM_BASE_URL',
      'LLM_CONTEXT_SIZE',
      'LLM_MODEL_SHA256',
      'LLM_PROVIDER',
      'LLM_THREADS',
    ]);
  });

  it('should treat empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: ' ' }).database.mode).toBe('embedded');
    expect(
      loadConfig({
        LLM_PROVIDER: '',
        LLM_TIMEOUT_SECONDS: '',
        LLM_CONTEXT_SIZE: '',
        LLM_MAX_OUTPUT_TOKENS: '',
      }).llm,
    ).toMatchObject({ provider: 'embedded', contextSize: 16_384, maxOutputTokens: 4_096 });
  });

  it('should cut uploaded recordings into five-minute windows unless told otherwise, within the APIs’ upload limit', () => {
    expect(loadConfig({}).transcription).toEqual({ recordingWindowSeconds: 300 });
    expect(loadConfig({ STT_WINDOW_SECONDS: '600' }).transcription).toEqual({ recordingWindowSeconds: 600 });
    const problems = ['1', '781', '2.5', 'five'].map((value) => problemsOf({ STT_WINDOW_SECONDS: value }));
    for (const found of problems) expect(found).toEqual([expect.stringMatching(/^STT_WINDOW_SECONDS: /)]);
  });

  it('should poll open event streams every 5 seconds unless told otherwise', () => {
    expect(loadConfig({}).events).toEqual({ streamPollSeconds: 5 });
    expect(loadConfig({ EVENT_STREAM_POLL_SECONDS: '60' }).events).toEqual({ streamPollSeconds: 60 });
    expect(problemsOf({ EVENT_STREAM_POLL_SECONDS: '0' })).toEqual([
      expect.stringMatching(/^EVENT_STREAM_POLL_SECONDS: /),
    ]);
  });

  it('should leave tracing off unless OTEL_TRACES_ENABLED is set, even with an endpoint', () => {
    expect(loadConfig({}).tracing).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing).toBeUndefined();
    expect(
      loadConfig({ OTEL_TRACES_ENABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })
        .tracing,
    ).toEqual({ tracesUrl: 'http://collector:4318/v1/traces', serviceName: undefined });
    expect(
      loadConfig({
        OTEL_TRACES_ENABLED: '1',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otlp.example.com/traces',
        OTEL_SERVICE_NAME: 'healthcare-web',
      }).tracing,
    ).toEqual({ tracesUrl: 'https://otlp.example.com/traces', serviceName: 'healthcare-web' });
    expect(problemsOf({ OTEL_TRACES_ENABLED: 'true' })).toEqual([
      expect.stringMatching(/^OTEL_EXPORTER_OTLP_ENDPOINT: required when OTEL_TRACES_ENABLED=true/),
    ]);
    expect(
      problemsOf({ OTEL_TRACES_ENABLED: 'maybe', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }).length,
    ).toBe(2);
  });
});
