import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import type pg from 'pg';

/** The application's tables, in the order they were created (parents before children). */
export async function listTables(client: pg.ClientBase, schema = 'public'): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname = $1
      order by c.oid`,
    [schema],
  );
  return rows.map((row) => row.name);
}

export function tableFileName(table: string): string {
  return `${table.replaceAll('"', '')}.jsonl.gz`;
}

/**
 * Writes every row of each table as one JSON object per line (gzip), in batches through a
 * server-side cursor so a large table never sits in memory. Call it inside a REPEATABLE READ
 * transaction: every table then comes from the same snapshot.
 */
export async function dumpTables(client: pg.ClientBase, tables: string[], dir: string): Promise<void> {
  for (const table of tables) {
    const gzip = createGzip();
    const file = createWriteStream(path.join(dir, tableFileName(table)), { mode: 0o600 });
    const written = once(file, 'finish');
    gzip.pipe(file);
    await client.query(
      `declare dump_rows no scroll cursor for select to_jsonb(t)::text as row from ${table} t`,
    );
    for (;;) {
      const { rows } = await client.query<{ row: string }>('fetch 1000 from dump_rows');
      if (rows.length === 0) break;
      if (!gzip.write(rows.map((entry) => `${entry.row}\n`).join(''))) await once(gzip, 'drain');
    }
    await client.query('close dump_rows');
    gzip.end();
    await written;
  }
}
