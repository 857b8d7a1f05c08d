import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Database, TenantTransaction } from './database';
import * as schema from './schema';

// Pooled connections are reused, so each gets its drizzle wrapper once.
const sessionByConnection = new WeakMap<pg.PoolClient, NodePgDatabase<typeof schema>>();

/**
 * Runs `work` in a transaction confined to one clinic. The setting is transaction-local
 * (`is_local = true`), so it can never leak to the next user of the pooled connection.
 *
 * The connection is checked out and released here rather than by drizzle's pool transaction,
 * which never releases a connection whose BEGIN fails: each database restart would leak the
 * connections caught mid-handshake until the pool is exhausted. pg's pool discards a released
 * connection that is no longer usable.
 */
export async function withTenant<T>(
  db: Database,
  clinicId: string,
  work: (tx: TenantTransaction) => Promise<T>,
): Promise<T> {
  const connection = await db.$client.connect();
  try {
    let session = sessionByConnection.get(connection);
    if (!session) {
      session = drizzle(connection, { schema });
      sessionByConnection.set(connection, session);
    }
    return await session.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.clinic_id', ${clinicId}, true)`);
      return work(tx);
    });
  } finally {
    connection.release();
  }
}
