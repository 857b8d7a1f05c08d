/**
 * The baseline for bench/api: a bare node:http server with a pg Pool that answers every GET with
 * the first page of patients, running the app's SELECT in a transaction with the same tenant
 * setting (so row-level security filters it as it does the app's). No auth, no rate limiting,
 * no validation, no audit record: what is left is the floor any implementation pays.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

const clinicId = process.env.BASELINE_CLINIC_ID!;
const limit = Number(process.env.BASELINE_LIMIT);
const statementName = process.env.BASELINE_STATEMENT_NAME;
const query = JSON.parse(process.env.BASELINE_QUERY!) as { sql: string; params: unknown[] };
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX ?? 10),
  // As the app's pool: connections idle through the other servers' rounds stay open (and measured).
  idleTimeoutMillis: 30_000,
});
// Dates stay 'YYYY-MM-DD' strings, as the app's schema maps them.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.DATE ? (value: string) => value : pg.types.getTypeParser(oid, format)) as never,
};

interface Row {
  id: string;
  name: string;
  birth_date: string;
  sex: string;
  document_id: string | null;
  phone: string | null;
  email: string | null;
  created_at: Date;
  updated_at: Date;
}

async function firstPage() {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.clinic_id', $1, true)`, [clinicId]);
    // Unnamed, as plain pg code sends it (parsed and planned on every request), or named when
    // BASELINE_STATEMENT_NAME is set, as the app sends this page (once per connection).
    const { rows } = await client.query<Row>({
      ...(statementName ? { name: statementName } : {}),
      text: query.sql,
      values: query.params,
      types,
    });
    await client.query('commit');
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => ({
        id: row.id,
        name: row.name,
        birthDate: row.birth_date,
        sex: row.sex,
        documentId: row.document_id,
        phone: row.phone,
        email: row.email,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
      })),
      nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const server = createServer((request, response) => {
  firstPage().then(
    (page) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(page));
    },
    (error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    },
  );
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
