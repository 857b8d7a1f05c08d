import { hashPassword } from '../auth/passwords';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import { emailTaken } from '../auth/sign-up';
import type { Database } from '../db/database';
import { isUniqueViolation } from '../db/postgres-errors';
import { users } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { requireRole } from './require-role';
import { toUser, type CreateUserInput, type User } from './user-schemas';

/** An admin adds a colleague to their own clinic. */
export async function createUser(db: Database, actor: Actor, input: CreateUserInput): Promise<User> {
  requireRole(actor, ['admin']);
  const passwordHash = await hashPassword(input.password);
  try {
    return await withTenant(db, actor.clinicId, async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          clinicId: actor.clinicId,
          name: input.name,
          email: input.email,
          role: input.role,
          passwordHash,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      await recordAuditEvents(tx, actor, [
        { action: 'user.create', resourceType: 'user', resourceId: row.id, details: { role: row.role } },
      ]);
      return toUser(row);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique')) throw emailTaken();
    throw error;
  }
}
