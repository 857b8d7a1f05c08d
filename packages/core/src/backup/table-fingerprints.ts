import type pg from 'pg';

export interface TableFingerprint {
  /** Schema-qualified, as PostgreSQL quotes it. */
  table: string;
  rows: number;
  /** Order-independent sum of each row's hash, so it needs no sort and constant memory. */
  checksum: string;
}

/** The application's data; pg-boss's queue (schema pgboss) changes by itself and is left out. */
export const fingerprintedSchemas = ['public', 'drizzle'];

/**
 * Row counts and content checksums of every table. A row's text form depends on session
 * settings (time zone, date style, float digits), so they are fixed first: two servers then
 * print identical rows identically.
 */
export async function fingerprintTables(
  client: pg.ClientBase,
  schemas: string[] = fingerprintedSchemas,
): Promise<TableFingerprint[]> {
  await client.query(
    "set timezone = 'UTC'; set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres'; set extra_float_digits = 3; set bytea_output = 'hex'",
  );
  const tables = await client.query<{ name: string }>(
    `select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname = any($1::text[])
      order by 1`,
    [schemas],
  );
  const fingerprints: TableFingerprint[] = [];
  for (const { name } of tables.rows) {
    const { rows } = await client.query<{ rows: string; checksum: string }>(
      `select count(*) as rows,
              coalesce(sum(('x' || left(md5(t::text), 16))::bit(64)::bigint::numeric), 0)::text as checksum
         from ${name} t`,
    );
    fingerprints.push({ table: name, rows: Number(rows[0]!.rows), checksum: rows[0]!.checksum });
  }
  return fingerprints;
}

export interface FingerprintDifference {
  table: string;
  expected: { rows: number; checksum: string } | undefined;
  actual: { rows: number; checksum: string } | undefined;
}

/** Tables missing on either side, or whose count or checksum differ. */
export function compareFingerprints(
  expected: TableFingerprint[],
  actual: TableFingerprint[],
): FingerprintDifference[] {
  const actualByTable = new Map(actual.map((entry) => [entry.table, entry]));
  const differences: FingerprintDifference[] = [];
  for (const want of expected) {
    const got = actualByTable.get(want.table);
    actualByTable.delete(want.table);
    if (!got || got.rows !== want.rows || got.checksum !== want.checksum) {
      differences.push({ table: want.table, expected: strip(want), actual: got && strip(got) });
    }
  }
  for (const extra of actualByTable.values()) {
    differences.push({ table: extra.table, expected: undefined, actual: strip(extra) });
  }
  return differences;
}

const strip = ({ rows, checksum }: TableFingerprint) => ({ rows, checksum });
