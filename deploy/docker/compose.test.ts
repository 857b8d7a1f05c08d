import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { environmentSchema } from '@healthcare/core/config/config-schema';
import { loadConfig } from '@healthcare/core/config/load-config';
import {
  loadSttServiceConfig,
  sttServiceEnvironmentSchema,
} from '@healthcare/core/config/stt-service-config';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { composeVariables, interpolateCompose } from './interpolate-compose';

const dockerDir = fileURLToPath(new URL('.', import.meta.url));
const repositoryRoot = path.resolve(dockerDir, '../..');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string; disable?: boolean };
  restart?: string;
  profiles?: string[];
  volumes?: string[];
  deploy?: unknown;
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const readYaml = <T>(file: string): T => parse(readFileSync(file, 'utf8'), { merge: true }) as T;
const compose = readYaml<ComposeFile>(path.join(dockerDir, 'compose.yaml'));
const gpuOverride = readYaml<ComposeFile>(path.join(dockerDir, 'compose.gpu.yaml'));

/** deploy/docker/.env.example as compose reads it (KEY=value lines). */
function readEnvExample(): Record<string, string> {
  const entries = readFileSync(path.join(dockerDir, '.env.example'), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_][A-Z0-9_]*=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const);
  return Object.fromEntries(entries);
}
const envExample = readEnvExample();

/** The example with every empty secret filled in the way its comments say. */
function filledEnvFile(): Record<string, string> {
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const filled = Object.fromEntries(
    Object.entries(envExample).map(([key, value]) => [
      key,
      value === '' ? randomBytes(24).toString('hex') : value,
    ]),
  );
  // The documented one-line form, with literal \n escapes.
  filled.AUTH_JWT_PRIVATE_KEY = pem.trim().split('\n').join('\\n');
  filled.STT_MODEL_SHA256 = 'a'.repeat(64);
  return filled;
}

const resolved = interpolateCompose(compose, filledEnvFile());
const ourDockerfiles = new Set(
  ['web', 'worker', 'stt', 'stt-cuda', 'nginx'].map((role) => `deploy/docker/${role}.Dockerfile`),
);
const pinnedImage = /^[\w./-]+:(v?\d+(\.\d+)+[\w.-]*|RELEASE\.[\dTZ-]+)(@sha256:[0-9a-f]{64})?$/;
const isOneShot = (service: Service) => service.restart === 'no';
const appServices = ['web-1', 'web-2', 'worker', 'migrate'];

describe('deploy/docker/compose.yaml', () => {
  it('should run the whole production topology', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining([
        'nginx',
        'web-1',
        'web-2',
        'worker',
        'migrate',
        'postgres',
        'redis',
        'minio',
        'minio-bucket',
        'stt',
        'ollama',
        'prometheus',
        'grafana',
      ]),
    );
  });

  it('should build every image of ours from our Dockerfiles and pin every public one', () => {
    for (const file of [compose, gpuOverride]) {
      for (const [name, service] of Object.entries(file.services)) {
        if (service.build) {
          expect(path.resolve(dockerDir, service.build.context), name).toBe(repositoryRoot);
          expect(ourDockerfiles.has(service.build.dockerfile), `${name}: ${service.build.dockerfile}`).toBe(
            true,
          );
          expect(existsSync(path.join(repositoryRoot, service.build.dockerfile))).toBe(true);
          expect(service.image, name).toMatch(/^healthcare-[a-z-]+:\$\{HEALTHCARE_VERSION:-local\}$/);
        } else if (service.image) {
          expect(service.image, name).toMatch(pinnedImage);
        }
      }
    }
    // Services that only name one of our images (migrate runs the worker image) also build it.
    const builtImages = new Set(
      Object.values(compose.services)
        .filter((service) => service.build)
        .map((service) => service.image),
    );
    for (const [name, service] of Object.entries(compose.services))
      if (service.image?.startsWith('healthcare-')) expect(builtImages.has(service.image), name).toBe(true);
  });

  it('should depend only on services that exist, in a state they can reach', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        const target = compose.services[dependency];
        expect(target, `${name} → ${dependency}`).toBeDefined();
        if (condition === 'service_healthy') expect(target!.healthcheck, dependency).toBeDefined();
        if (condition === 'service_completed_successfully') expect(isOneShot(target!), dependency).toBe(true);
        expect(target!.profiles, `${name} cannot wait for an optional service`).toBeUndefined();
      }
    }
  });

  it('should give every long-running service a health check', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (isOneShot(service)) continue;
      expect(service.healthcheck?.disable, name).not.toBe(true);
      expect(service.healthcheck?.test, name).toBeDefined();
    }
  });

  it('should keep state in named volumes and mount only files that exist', () => {
    const declared = Object.keys(compose.volumes ?? {});
    for (const [name, service] of Object.entries(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('.'))
          expect(existsSync(path.resolve(dockerDir, source)), `${name}: ${source}`).toBe(true);
        else expect(declared, `${name}: ${source}`).toContain(source);
      }
    }
    expect(compose.services.postgres!.volumes).toContain('postgres:/var/lib/postgresql/data');
  });

  it('should give the app services only variables our configuration reads, and a configuration it accepts', () => {
    const known = Object.keys(environmentSchema.shape);
    for (const name of appServices) {
      const environment = resolved.services[name]!.environment!;
      expect(
        Object.keys(environment).filter((key) => !known.includes(key)),
        name,
      ).toEqual([]);
      const config = loadConfig(environment);
      expect(config.database.mode, name).toBe('external');
      expect(config.redis, name).toBeDefined();
      expect(config.auth.signingKey, name).toBeDefined();
    }
    const migrate = loadConfig(resolved.services.migrate!.environment!);
    expect(migrate.database.mode === 'external' && migrate.database.migrationUrl).toMatch(
      /^postgres:\/\/healthcare:/,
    );
    expect(loadConfig(resolved.services['web-1']!.environment!).worker.inProcess).toBe(false);
  });

  it('should give the stt service only its own variables, CPU and GPU alike', () => {
    const known = Object.keys(sttServiceEnvironmentSchema.shape);
    const gpu = interpolateCompose(gpuOverride, filledEnvFile());
    for (const environment of [
      resolved.services.stt!.environment!,
      { ...resolved.services.stt!.environment!, ...gpu.services.stt!.environment! },
    ]) {
      expect(Object.keys(environment).filter((key) => !known.includes(key))).toEqual([]);
      loadSttServiceConfig(environment);
    }
    expect(
      loadSttServiceConfig({ ...resolved.services.stt!.environment!, ...gpu.services.stt!.environment! }).gpu,
    ).toBe(true);
  });

  it('should point the app at the services compose runs', () => {
    const environment = resolved.services['web-1']!.environment!;
    for (const url of [
      environment.DATABASE_URL,
      environment.REDIS_URL,
      environment.S3_ENDPOINT,
      environment.STT_BASE_URL,
      environment.LLM_BASE_URL,
    ])
      expect(Object.keys(compose.services)).toContain(new URL(url!).hostname);
    const upstreams = resolved.services.nginx!.environment!.NGINX_UPSTREAMS!.split(',');
    expect(upstreams.map((upstream) => upstream.split(':')[0]).sort()).toEqual(['web-1', 'web-2']);
  });

  it('should let Prometheus scrape only services compose runs, on their metrics ports', () => {
    const prometheus = readYaml<{ scrape_configs: { static_configs: { targets: string[] }[] }[] }>(
      path.join(repositoryRoot, 'deploy/observability/prometheus/prometheus.yml'),
    );
    const targets = prometheus.scrape_configs.flatMap((job) =>
      job.static_configs.flatMap((config) => config.targets),
    );
    expect(targets).toEqual(expect.arrayContaining(['web-1:9464', 'web-2:9464', 'worker:9464', 'stt:9464']));
    for (const target of targets) expect(Object.keys(compose.services)).toContain(target.split(':')[0]);
  });

  it('should refuse to start without a secret, as docker compose does with `:?`', () => {
    const missing = { ...filledEnvFile(), POSTGRES_PASSWORD: '' };
    expect(() => interpolateCompose(compose, missing)).toThrow(/POSTGRES_PASSWORD/);
  });
});

describe('deploy/docker/.env.example', () => {
  it('should document every variable the compose files use, and nothing else', () => {
    const used = new Set([...composeVariables(compose), ...composeVariables(gpuOverride)]);
    // $$-escaped names are read inside the containers, from the environment compose gives them.
    expect([...used].filter((name) => !(name in envExample)).sort()).toEqual([]);
    expect(
      Object.keys(envExample)
        .filter((name) => !used.has(name))
        .sort(),
    ).toEqual([]);
  });

  it('should hold no secret value', () => {
    for (const [name, value] of Object.entries(envExample))
      if (/PASSWORD|SECRET|PRIVATE_KEY/.test(name)) expect(value, name).toBe('');
  });
});
