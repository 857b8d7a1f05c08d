import path from 'node:path';
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

export interface Config {
  server: { host: string; port: number; publicUrl: URL; trustProxyHops: number };
  dataDir: string;
  log: { level: Environment['LOG_LEVEL'] };
  database: DatabaseConfig;
  redis: { url: string } | undefined;
  auth: {
    /** Absent only in the embedded mode, where a key is generated once and kept under the data directory. */
    signingKey: { privateKeyPem: string; keyId: string } | undefined;
    keyId: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    login: { maxFailures: number; lockoutSeconds: number };
  };
  api: { maxJsonBytes: number };
}

export function toConfig(env: Environment): Config {
  const dataDir = path.resolve(env.DATA_DIR);
  const publicUrl = new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`);
  return {
    server: { host: env.HOST, port: env.PORT, publicUrl, trustProxyHops: env.TRUST_PROXY_HOPS },
    dataDir,
    log: { level: env.LOG_LEVEL },
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
    },
    api: { maxJsonBytes: env.API_MAX_JSON_BYTES },
  };
}
