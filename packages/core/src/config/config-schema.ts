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

/** Every environment variable the product reads, as it arrives: strings, most of them optional. */
export const environmentSchema = z.object({
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

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

  API_MAX_JSON_BYTES: positiveInt.max(64 * 1024 * 1024).default(1024 * 1024),
});

function emptyToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

export type Environment = z.infer<typeof environmentSchema>;
