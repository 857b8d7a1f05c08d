import { sql } from 'drizzle-orm';
import type { Database, TenantTransaction } from './database';

/**
 * Runs `work` in a transaction confined to one clinic. The setting is transaction-local
 * (`is_local = true`), so it can never leak to the next user of the pooled connection.
 */
export async function withTenant<T>(
  db: Database,
  clinicId: string,
  work: (tx: TenantTransaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.clinic_id', ${clinicId}, true)`);
    return work(tx);
  });
}
