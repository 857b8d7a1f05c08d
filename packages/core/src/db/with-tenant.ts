import { createTableRelationsHelpers, extractTablesRelationalConfig } from 'drizzle-orm';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { Database, TenantTransaction } from './database';
import * as schema from './schema';

const dialect = new PgDialect();
// What drizzle(connection, { schema }) derives, derived once for every connection's transaction.
const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
const relationalSchema = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };

// Pooled connections are reused, so each gets its transaction handle once.
const transactionByConnection = new WeakMap<pg.PoolClient, TenantTransaction>();

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `work` in a transaction confined to one clinic. The setting is transaction-local
 * (`is_local = true`), so it can never leak to the next user of the pooled connection.
 *
 * BEGIN and the setting go to PostgreSQL as one simple-protocol query, one round trip where
 * drizzle's transaction spends two, on the path of every authenticated read. The clinic id is
 * therefore written into the statement: only a UUID is accepted, whose characters need no quoting.
 *
 * The connection is checked out and released here rather than by drizzle's pool transaction,
 * which never releases a connection whose BEGIN fails: each database restart would leak the
 * connections caught mid-handshake until the pool is exhausted. pg's pool discards a released
 * connection that is no longer usable, and one that failed to roll back is released as such.
 */
export async function withTenant<T>(
  db: Database,
  clinicId: string,
  work: (tx: TenantTransaction) => Promise<T>,
): Promise<T> {
  if (!uuidPattern.test(clinicId)) throw new Error('withTenant needs a clinic id that is a UUID');
  const connection = await db.$client.connect();
  let unusable: Error | undefined;
  try {
    await connection.query(`begin; select set_config('app.clinic_id', '${clinicId}', true)`);
    const result = await work(transactionFor(connection));
    await connection.query('commit');
    return result;
  } catch (error) {
    // A connection that cannot even roll back goes no further than this transaction.
    await connection.query('rollback').catch((rollbackError: Error) => (unusable = rollbackError));
    throw error;
  } finally {
    connection.release(unusable);
  }
}

/** What drizzle's transaction hands its callback (nested transactions become savepoints), bound to this connection. */
function transactionFor(connection: pg.PoolClient): TenantTransaction {
  let transaction = transactionByConnection.get(connection);
  if (!transaction) {
    const session = new NodePgSession(connection, dialect, relationalSchema);
    transaction = new NodePgTransaction(dialect, session, relationalSchema) as TenantTransaction;
    transactionByConnection.set(connection, transaction);
  }
  return transaction;
}
