import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type pg from 'pg';
import { tableFileName } from './dump-tables';

/**
 * Loads what dumpTables wrote into tables that exist and are empty. Runs as a superuser with
 * triggers and foreign keys off (session_replication_role = replica), so order does not
 * matter and append-only guards do not refuse the load; identity values are kept and their
 * sequences moved past the highest one. Call it inside a transaction.
 */
export async function loadTables(client: pg.ClientBase, tables: string[], dir: string): Promise<void> {
  await client.query('set local session_replication_role = replica');
  for (const table of tables) {
    const lines = createInterface({
      input: createReadStream(path.join(dir, tableFileName(table))).pipe(createGunzip()),
      crlfDelay: Infinity,
    });
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await client.query(
        `insert into ${table} overriding system value
         select * from jsonb_populate_recordset(null::${table}, $1::jsonb)`,
        [`[${batch.join(',')}]`],
      );
      batch = [];
    };
    for await (const line of lines) {
      if (line === '') continue;
      batch.push(line);
      if (batch.length === 500) await flush();
    }
    await flush();
    await resetSequences(client, table);
  }
}

async function resetSequences(client: pg.ClientBase, table: string) {
  const { rows } = await client.query<{ column: string; sequence: string }>(
    `select quote_ident(a.attname) as column, pg_get_serial_sequence($1, a.attname) as sequence
       from pg_attribute a
      where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped
        and pg_get_serial_sequence($1, a.attname) is not null`,
    [table],
  );
  for (const { column, sequence } of rows) {
    await client.query(
      `select setval($1, coalesce((select max(${column}) from ${table}), 1),
                     (select max(${column}) from ${table}) is not null)`,
      [sequence],
    );
  }
}
