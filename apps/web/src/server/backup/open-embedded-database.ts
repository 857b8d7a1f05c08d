import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '@healthcare/core/config/config';
import type { Logger } from '@healthcare/core/logging/create-logger';
import { startEmbeddedPostgres } from '../boot/start-embedded-postgres';

export interface EmbeddedDatabase {
  /** Superuser login to the maintenance database `postgres`; the app's is `healthcare`. */
  serverUrl: string;
  /** The app had it running: we borrowed it and leave it running. */
  borrowed: boolean;
  stop(): Promise<void>;
}

export function embeddedDatabase(config: Config): { dataDir: string; port: number | undefined } {
  if (config.database.mode !== 'embedded') {
    throw new Error(
      'Backup and restore here are for the embedded database. With DATABASE_URL set, use pgBackRest or your provider’s backups (see deploy/backup/README.md).',
    );
  }
  return config.database;
}

/** The port of the server that holds the data directory now, if one does (postmaster.pid, line 4). */
export function runningServerPort(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  const port = Number(lines[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

/**
 * The embedded server: the app's own while it runs (a backup can be taken online), otherwise one
 * we start for the duration of the command (created first when restoring onto a new machine).
 */
export async function openEmbeddedDatabase(
  config: Config,
  logger: Logger,
  options: { createIfMissing?: boolean } = {},
): Promise<EmbeddedDatabase> {
  const { dataDir, port: configuredPort } = embeddedDatabase(config);
  const secretsDir = path.join(config.dataDir, 'secrets');
  const port = runningServerPort(dataDir);
  if (port !== undefined) {
    const password = readFileSync(path.join(secretsDir, 'postgres-superuser-password'), 'utf8').trim();
    return {
      serverUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
      borrowed: true,
      stop: async () => undefined,
    };
  }
  if (!options.createIfMissing && !existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new Error(`There is no embedded database under ${dataDir}. Is DATA_DIR right?`);
  }
  const server = await startEmbeddedPostgres({ dataDir, secretsDir, port: configuredPort, logger });
  return {
    serverUrl: server.ownerUrl.replace(/\/healthcare$/, '/postgres'),
    borrowed: false,
    stop: () => server.stop(),
  };
}
