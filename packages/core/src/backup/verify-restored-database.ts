import pg from 'pg';
import { migrateDatabase } from '../db/migrate-database';
import type { BackupManifest } from './backup-manifest';
import { appliedMigrations, migrationStatus, type MigrationStatus } from './check-migrations';
import {
  compareFingerprints,
  fingerprintTables,
  type FingerprintDifference,
  type TableFingerprint,
} from './table-fingerprints';

export interface RestoreReport {
  ok: boolean;
  restorePoint: string;
  recordedAt: string;
  tables: TableFingerprint[];
  differences: FingerprintDifference[];
  migrations: MigrationStatus & {
    /** The restored database had applied exactly the migrations it had when the manifest was written. */
    sameAsRecorded: boolean;
    /** This release's migrations then ran on the copy: undefined when they succeeded. */
    migrateError: string | undefined;
  };
}

/**
 * Compares a restored database with the manifest recorded on the original, then applies this
 * release's migrations to it (as a start of the app would), which must succeed.
 */
export async function verifyRestoredDatabase(
  ownerUrl: string,
  manifest: BackupManifest,
): Promise<RestoreReport> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'healthcare-restore-test' });
  await client.connect();
  let tables: TableFingerprint[];
  let applied: string[];
  try {
    tables = await fingerprintTables(client);
    applied = await appliedMigrations(client);
  } finally {
    await client.end();
  }
  const differences = compareFingerprints(manifest.tables, tables);
  let migrateError: string | undefined;
  try {
    await migrateDatabase(ownerUrl);
  } catch (error) {
    migrateError = error instanceof Error ? error.message : String(error);
  }
  const sameAsRecorded =
    applied.length === manifest.migrations.length &&
    applied.every((hash, index) => hash === manifest.migrations[index]);
  return {
    ok: differences.length === 0 && sameAsRecorded && migrateError === undefined,
    restorePoint: manifest.restorePoint,
    recordedAt: manifest.recordedAt,
    tables,
    differences,
    migrations: { ...migrationStatus(applied), sameAsRecorded, migrateError },
  };
}

/** A plain-text report for a person or a log: counts and checksums only, never row contents. */
export function formatRestoreReport(report: RestoreReport, target: string): string {
  const lines = [
    `Restore test: ${report.ok ? 'PASSED' : 'FAILED'}`,
    `Restored to ${target}; manifest recorded at ${report.recordedAt} (${report.restorePoint}).`,
    '',
    `${'table'.padEnd(40)} ${'rows'.padStart(10)}  result`,
  ];
  const differing = new Map(report.differences.map((difference) => [difference.table, difference]));
  for (const table of report.tables) {
    const difference = differing.get(table.table);
    const result = !difference
      ? 'same'
      : !difference.expected
        ? 'not in the manifest'
        : difference.expected.rows !== table.rows
          ? `expected ${difference.expected.rows} rows`
          : 'content differs';
    lines.push(`${table.table.padEnd(40)} ${String(table.rows).padStart(10)}  ${result}`);
  }
  for (const difference of report.differences.filter((entry) => !entry.actual)) {
    lines.push(`${difference.table.padEnd(40)} ${'-'.padStart(10)}  missing from the restored copy`);
  }
  const { migrations } = report;
  lines.push(
    '',
    `Migrations: ${migrations.applied} applied${migrations.sameAsRecorded ? ', as recorded' : ', NOT as recorded'}; ${migrations.pending} pending in this release; ${migrations.unknown} unknown to it.`,
    migrations.migrateError
      ? `Applying this release's migrations to the copy failed: ${migrations.migrateError}`
      : "This release's migrations apply cleanly to the copy.",
  );
  return lines.join('\n');
}
