import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { refreshTokens, users } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { AppError, notFound } from '../errors/app-error';
import { requireRole } from './require-role';
import { toUser, type UpdateUserInput, type User } from './user-schemas';

/**
 * An admin changes a colleague's role or (de)activates them. Either change ends the user's
 * sessions: the role travels inside access tokens, so it must be reissued, and a deactivated
 * user must not renew. An access token already issued lives out its short lifetime.
 */
export async function updateUser(
  db: Database,
  actor: Actor,
  userId: string,
  input: UpdateUserInput,
): Promise<User> {
  requireRole(actor, ['admin']);
  // Without this an admin could leave the clinic with nobody able to manage it.
  if (userId === actor.userId && (input.active === false || (input.role && input.role !== 'admin'))) {
    throw new AppError('conflict', 'You cannot deactivate yourself or give up your own admin role.');
  }
  return withTenant(db, actor.clinicId, async (tx) => {
    const [current] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.clinicId, actor.clinicId)))
      .for('update');
    if (!current) throw notFound('The user');
    const disabledAt =
      input.active === undefined
        ? current.disabledAt
        : input.active
          ? null
          : (current.disabledAt ?? new Date());
    const role = input.role ?? current.role;
    if (role === current.role && disabledAt === current.disabledAt) return toUser(current);
    const [row] = await tx.update(users).set({ role, disabledAt }).where(eq(users.id, userId)).returning();
    if (!row) throw notFound('The user');
    await tx
      .update(refreshTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
    await recordAuditEvents(tx, actor, [
      {
        action: 'user.update',
        resourceType: 'user',
        resourceId: row.id,
        details: { role: row.role, active: !row.disabledAt },
      },
    ]);
    return toUser(row);
  });
}
