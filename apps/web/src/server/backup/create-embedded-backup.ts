import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { appliedMigrations } from '@healthcare/core/backup/check-migrations';
import { dumpTables, listTables } from '@healthcare/core/backup/dump-tables';
import { withDatabase } from '@healthcare/core/backup/postgres-server';
import { fingerprintTables } from '@healthcare/core/backup/table-fingerprints';
import type { Config } from '@healthcare/core/config/config';
import type { Logger } from '@healthcare/core/logging/create-logger';
import pg from 'pg';
import { copyObjectFiles } from './copy-object-files';
import {
  databaseFolder,
  objectsFolder,
  writeEmbeddedManifest,
  type EmbeddedBackupManifest,
} from './embedded-backup-manifest';
import { openEmbeddedDatabase } from './open-embedded-database';

/**
 * Snapshots the embedded database and the local object store into a new folder under
 * `backupsDir`, while the app runs or not. The database comes first, from one transaction
 * snapshot; the files after it. Objects are stored before the rows that name them, so every
 * object the snapshot refers to is already on disk when the files are copied (a file newer
 * than the snapshot is harmless: nothing refers to it). The folder appears under its final
 * name only when complete.
 */
export async function createEmbeddedBackup(
  config: Config,
  logger: Logger,
  backupsDir: string,
): Promise<{ dir: string; manifest: EmbeddedBackupManifest }> {
  const createdAt = new Date().toISOString();
  const dir = path.join(path.resolve(backupsDir), `healthcare-${createdAt.replace(/[:.]/g, '-')}`);
  const partial = `${dir}.partial`;
  const database = await openEmbeddedDatabase(config, logger);
  try {
    await mkdir(path.join(partial, databaseFolder), { recursive: true, mode: 0o700 });
    const client = new pg.Client({ connectionString: withDatabase(database.serverUrl, 'healthcare') });
    await client.connect();
    let snapshot: Pick<EmbeddedBackupManifest, 'migrations' | 'tables'>;
    try {
      await client.query('begin isolation level repeatable read read only');
      const tables = await listTables(client);
      snapshot = {
        migrations: await appliedMigrations(client),
        tables: await fingerprintTables(client, ['public']),
      };
      await dumpTables(client, tables, path.join(partial, databaseFolder));
      await client.query('commit');
    } finally {
      await client.end();
    }
    const objects =
      config.storage.driver === 'local'
        ? await copyObjectFiles(config.storage.dir, path.join(partial, objectsFolder))
        : undefined;
    const manifest: EmbeddedBackupManifest = {
      format: 'healthcare-embedded-backup',
      version: 1,
      createdAt,
      ...snapshot,
      ...(objects ? { objects } : {}),
    };
    await writeEmbeddedManifest(partial, manifest);
    await rename(partial, dir);
    logger.info(
      { dir, tables: manifest.tables.length, objects: objects?.length ?? 0 },
      'Embedded backup written',
    );
    return { dir, manifest };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  } finally {
    await database.stop();
  }
}
