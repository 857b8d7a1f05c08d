import { type z } from 'zod';
import { maxEmbeddedLlmTimeoutSeconds, toConfig, type Config } from './config';
import { environmentSchema, type Environment } from './config-schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * The one place that reads the environment. Every problem is collected before failing,
 * so an operator fixes a deployment in one pass instead of one variable per restart.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map(describeIssue));
  }
  const crossFieldProblems = checkCombinations(parsed.data);
  if (crossFieldProblems.length > 0) {
    throw new ConfigError(crossFieldProblems);
  }
  return toConfig(parsed.data);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const variable = issue.path.join('.');
  return `${variable}: ${issue.message}`;
}

function checkCombinations(env: Environment): string[] {
  const problems: string[] = [];
  if (env.DATABASE_URL && !env.AUTH_JWT_PRIVATE_KEY) {
    problems.push(
      'AUTH_JWT_PRIVATE_KEY: required when DATABASE_URL is set (cluster mode), so that every replica signs with the same key',
    );
  }
  if (env.AUTH_JWT_PRIVATE_KEY && !env.AUTH_JWT_PRIVATE_KEY.includes('BEGIN PRIVATE KEY')) {
    problems.push('AUTH_JWT_PRIVATE_KEY: must be an Ed25519 private key in PKCS#8 PEM form');
  }
  if (!env.DATABASE_URL && env.DATABASE_MIGRATION_URL) {
    problems.push('DATABASE_MIGRATION_URL: set DATABASE_URL too (the embedded database migrates itself)');
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    problems.push(
      'S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: set both, or neither to use the default AWS credential chain',
    );
  }
  if (env.DATABASE_URL && !env.S3_BUCKET && !env.STORAGE_DIR) {
    problems.push(
      'S3_BUCKET: required when DATABASE_URL is set (cluster mode), since replicas cannot share files on local disk; set STORAGE_DIR instead only for a single server',
    );
  }
  if (env.S3_BUCKET && env.STORAGE_DIR) {
    problems.push('STORAGE_DIR: set either S3_BUCKET or STORAGE_DIR, not both');
  }
  problems.push(...languageModelProblems(env));
  problems.push(...logShippingProblems(env));
  if (env.OTEL_TRACES_ENABLED && !env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
    problems.push(
      'OTEL_EXPORTER_OTLP_ENDPOINT: required when OTEL_TRACES_ENABLED=true, e.g. http://otel-collector:4318',
    );
  return problems;
}

function logShippingProblems(env: Environment): string[] {
  if (env.LOG_DESTINATION === 'datadog' && !env.DATADOG_API_KEY)
    return ['DATADOG_API_KEY: required when LOG_DESTINATION=datadog'];
  if (env.LOG_DESTINATION === 'cloudwatch' && !env.CLOUDWATCH_LOG_GROUP)
    return ['CLOUDWATCH_LOG_GROUP: required when LOG_DESTINATION=cloudwatch, e.g. /healthcare/production'];
  return [];
}

function languageModelProblems(env: Environment): string[] {
  const problems: string[] = [];
  const provider = env.LLM_PROVIDER ?? (env.DATABASE_URL ? 'none' : 'embedded');
  if (provider === 'azure') {
    if (!env.LLM_BASE_URL) {
      problems.push(
        'LLM_BASE_URL: required when LLM_PROVIDER=azure: the deployment URL, https://RESOURCE.openai.azure.com/openai/deployments/DEPLOYMENT',
      );
    }
    if (!env.LLM_AZURE_API_VERSION) {
      problems.push('LLM_AZURE_API_VERSION: required when LLM_PROVIDER=azure, e.g. 2024-10-21');
    }
  } else if (env.LLM_AZURE_API_VERSION) {
    problems.push('LLM_AZURE_API_VERSION: set LLM_PROVIDER=azure too, or remove it');
  }
  // Hosted services refuse every call without a key; self-hosted servers (vLLM, Ollama) may not need one.
  const hosted =
    provider === 'azure' || ((provider === 'openai' || provider === 'anthropic') && !env.LLM_BASE_URL);
  if (hosted && !env.LLM_API_KEY) {
    problems.push(
      `LLM_API_KEY: required when LLM_PROVIDER=${provider}${provider === 'azure' ? '' : ' without LLM_BASE_URL'}`,
    );
  }
  if (provider === 'embedded' && env.LLM_MAX_OUTPUT_TOKENS >= env.LLM_CONTEXT_SIZE) {
    problems.push(
      'LLM_MAX_OUTPUT_TOKENS: must be smaller than LLM_CONTEXT_SIZE, which holds the prompt and the answer together',
    );
  }
  if (
    provider === 'embedded' &&
    env.LLM_TIMEOUT_SECONDS !== undefined &&
    env.LLM_TIMEOUT_SECONDS > maxEmbeddedLlmTimeoutSeconds
  ) {
    problems.push(
      `LLM_TIMEOUT_SECONDS: at most ${maxEmbeddedLlmTimeoutSeconds} with LLM_PROVIDER=embedded, so that a note's two attempts end before its job expires (30 minutes)`,
    );
  }
  return problems;
}

/** Entry points call this: a bad configuration ends the process with every problem named, never a stack trace. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable and its meaning.\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** The environment for a child process we start (a build, a helper): ours, plus what it needs. */
export function childProcessEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
