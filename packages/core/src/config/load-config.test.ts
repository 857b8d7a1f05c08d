import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
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

  it('should treat empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: ' ' }).database.mode).toBe('embedded');
  });
});
