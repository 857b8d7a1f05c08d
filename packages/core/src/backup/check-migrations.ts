import { readMigrationFiles } from 'drizzle-orm/migrator';
import type pg from 'pg';
import { migrationsFolder } from '../db/migrate-database';

/** Hashes of the migrations applied to a database, oldest first (empty before the first one). */
export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const exists = await client.query(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as found",
  );
  if (!exists.rows[0]?.found) return [];
  const { rows } = await client.query<{ hash: string }>(
    'select hash from drizzle.__drizzle_migrations order by id',
  );
  return rows.map((row) => row.hash);
}

export interface MigrationStatus {
  applied: number;
  /** Applied to the database but not part of this code: it was made by a newer release. */
  unknown: number;
  /** Part of this code but not applied yet: the next start (or db:migrate) applies them. */
  pending: number;
}

export function migrationStatus(applied: string[]): MigrationStatus {
  const known = readMigrationFiles({ migrationsFolder }).map((migration) => migration.hash);
  return {
    applied: applied.length,
    unknown: applied.filter((hash) => !known.includes(hash)).length,
    pending: known.filter((hash) => !applied.includes(hash)).length,
  };
}
