import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { appliedMigrations, migrationStatus } from '@healthcare/core/backup/check-migrations';
import { loadTables } from '@healthcare/core/backup/load-tables';
import { withDatabase } from '@healthcare/core/backup/postgres-server';
import { resumeInterruptedEncounters } from '@healthcare/core/backup/resume-interrupted-encounters';
import { compareFingerprints, fingerprintTables } from '@healthcare/core/backup/table-fingerprints';
import type { Config } from '@healthcare/core/config/config';
import { migrateDatabase } from '@healthcare/core/db/migrate-database';
import type { Logger } from '@healthcare/core/logging/create-logger';
import pg from 'pg';
import { copyObjectFiles, findDamagedFiles } from './copy-object-files';
import { databaseFolder, objectsFolder, readEmbeddedManifest } from './embedded-backup-manifest';
import { embeddedDatabase, openEmbeddedDatabase, runningServerPort } from './open-embedded-database';

const databaseName = 'healthcare';
const stagingName = 'healthcare_restoring';

export interface EmbeddedRestoreSummary {
  tables: number;
  rows: number;
  objects: number;
  /** Where the object store that was replaced now is (kept until you remove it). */
  previousObjectsDir: string | undefined;
  /** Encounters caught mid-pipeline by the backup whose jobs were enqueued again. */
  resumedEncounters: number;
  /** Encounters caught mid-pipeline whose work could not be resumed: failed, for the clinician to retry. */
  failedEncounters: number;
}

/**
 * Replaces the embedded database and object store with a backup, with the app stopped. Nothing
 * live is touched until the copy is complete and checked: the data is loaded into a staging
 * database and compared table by table with the backup's checksums, the files are copied and
 * hashed; only then is the staging database renamed into place and the object folders swapped.
 * Encounters that were mid-pipeline at backup time have their jobs enqueued again in the staging
 * database, so they carry on when the app starts (see resumeInterruptedEncounters).
 */
export async function restoreEmbeddedBackup(
  config: Config,
  logger: Logger,
  backupDir: string,
): Promise<EmbeddedRestoreSummary> {
  const { dataDir } = embeddedDatabase(config);
  if (runningServerPort(dataDir) !== undefined) {
    throw new Error('The app is running. Stop it first: a restore replaces the data it is using.');
  }
  const manifest = await readEmbeddedManifest(backupDir);
  const status = migrationStatus(manifest.migrations);
  if (status.unknown > 0 || status.pending > 0) {
    throw new Error(
      `This backup was made by a release with ${status.unknown > 0 ? 'newer' : 'older'} database migrations than this one. Restore it with the release that made it (its migrations must match exactly), then upgrade.`,
    );
  }
  if (manifest.objects) {
    const damaged = await findDamagedFiles(path.join(backupDir, objectsFolder), manifest.objects);
    if (damaged.length > 0) {
      throw new Error(`The backup is damaged: ${damaged.length} stored files do not match their checksums.`);
    }
  }

  const database = await openEmbeddedDatabase(config, logger, { createIfMissing: true });
  try {
    await runSql(database.serverUrl, `drop database if exists ${stagingName} with (force)`);
    await runSql(database.serverUrl, `create database ${stagingName}`);
    const stagingUrl = withDatabase(database.serverUrl, stagingName);
    await migrateDatabase(stagingUrl);
    const client = new pg.Client({ connectionString: stagingUrl });
    await client.connect();
    try {
      if ((await appliedMigrations(client)).join() !== manifest.migrations.join()) {
        throw new Error('The restored database did not reach the migrations the backup was made with.');
      }
      await client.query('begin');
      const tables = manifest.tables.map((entry) => entry.table);
      await client.query(`truncate ${tables.join(', ')}`);
      await loadTables(client, tables, path.join(backupDir, databaseFolder));
      await client.query('commit');
      const differences = compareFingerprints(manifest.tables, await fingerprintTables(client, ['public']));
      if (differences.length > 0) {
        throw new Error(
          `The restored data does not match the backup in ${differences.map((entry) => entry.table).join(', ')}; nothing was replaced.`,
        );
      }
    } finally {
      await client.end();
    }
    // The backup holds the data but not the job queue (a fresh, empty one was installed above):
    // encounters caught mid-pipeline get their jobs back before the copy goes live.
    const encounters = await resumeInterruptedEncounters(stagingUrl);

    let previousObjectsDir: string | undefined;
    if (manifest.objects && config.storage.driver === 'local') {
      const storeDir = config.storage.dir;
      const incoming = `${storeDir}.restoring`;
      await rm(incoming, { recursive: true, force: true });
      await copyObjectFiles(path.join(backupDir, objectsFolder), incoming);
      const damaged = await findDamagedFiles(incoming, manifest.objects);
      if (damaged.length > 0)
        throw new Error(`${damaged.length} files were not copied intact; nothing was replaced.`);
      if (existsSync(storeDir)) {
        previousObjectsDir = `${storeDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        await rename(storeDir, previousObjectsDir);
      }
      await rename(incoming, storeDir);
    }
    await runSql(database.serverUrl, `drop database if exists ${databaseName} with (force)`);
    await runSql(database.serverUrl, `alter database ${stagingName} rename to ${databaseName}`);
    const summary = {
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((sum, entry) => sum + entry.rows, 0),
      objects: manifest.objects?.length ?? 0,
      previousObjectsDir,
      resumedEncounters: encounters.resumed,
      failedEncounters: encounters.failed,
    };
    logger.info(summary, 'Embedded backup restored');
    return summary;
  } catch (error) {
    await runSql(database.serverUrl, `drop database if exists ${stagingName} with (force)`).catch(
      () => undefined,
    );
    throw error;
  } finally {
    await database.stop();
  }
}

async function runSql(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
