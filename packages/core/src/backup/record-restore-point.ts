import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { BackupManifest } from './backup-manifest';
import { appliedMigrations } from './check-migrations';
import { fingerprintedSchemas, fingerprintTables } from './table-fingerprints';

/**
 * Fingerprints the live database at one exact point of its WAL history. Writes to the
 * fingerprinted tables wait (SHARE locks) while this runs, so every commit before the restore
 * point is counted and none after it: a restore to the point, by name or by the recorded time,
 * must reproduce these numbers exactly. Writers pause for as long as the hashing takes.
 */
export async function recordRestorePoint(ownerUrl: string): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'healthcare-restore-test' });
  await client.connect();
  try {
    await client.query('begin isolation level read committed');
    const tables = await client.query<{ name: string }>(
      `select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname = any($1::text[])`,
      [fingerprintedSchemas],
    );
    if (tables.rows.length > 0) {
      await client.query(`lock table ${tables.rows.map((row) => row.name).join(', ')} in share mode`);
    }
    // After the locks: every earlier commit is stamped before this clock reading, every later one after.
    await client.query("set timezone = 'UTC'");
    const { rows } = await client.query<{ now: string; database: string }>(
      'select clock_timestamp()::text as now, current_database() as database',
    );
    const restorePoint = `healthcare-${rows[0]!.now.replace(/\D/g, '').slice(0, 14)}-${randomBytes(3).toString('hex')}`;
    await client.query('select pg_create_restore_point($1)', [restorePoint]);
    const manifest: BackupManifest = {
      version: 1,
      database: rows[0]!.database,
      restorePoint,
      recordedAt: rows[0]!.now,
      migrations: await appliedMigrations(client),
      tables: await fingerprintTables(client),
    };
    await client.query('commit');
    // Close the WAL segment holding the point, so it is archived now rather than when it fills.
    await client.query('select pg_switch_wal()');
    return manifest;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
