import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Database } from '../db/database';
import { users } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { requireRole } from './require-role';
import { toUser, type UserList } from './user-schemas';

/** The clinic's accounts, deactivated ones included, so an admin can bring one back. */
export async function listUsers(db: Database, actor: Actor): Promise<UserList> {
  requireRole(actor, ['admin']);
  return withTenant(db, actor.clinicId, async (tx) => {
    const rows = await tx
      .select()
      .from(users)
      .where(eq(users.clinicId, actor.clinicId))
      .orderBy(asc(users.name), asc(users.id));
    return { items: rows.map(toUser) };
  });
}
