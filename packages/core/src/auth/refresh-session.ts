import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { refreshTokens, users } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { AppError } from '../errors/app-error';
import type { Session } from './auth-schemas';
import { issueSession, type SessionSettings } from './issue-session';
import { hashRefreshToken } from './refresh-tokens';

const invalidRefreshToken = () =>
  new AppError('unauthenticated', 'Your session has ended. Please sign in again.');

/**
 * Rotates a refresh token. Each token works once: presenting a token that was already
 * rotated (or revoked) means a copy exists somewhere else, so the whole family is revoked
 * and every holder must sign in again.
 */
export async function refreshSession(
  db: Database,
  settings: SessionSettings,
  token: string,
): Promise<Session> {
  const tokenHash = hashRefreshToken(token);
  const lookup = await db.execute<{ clinic_id: string | null }>(
    sql`select app_find_refresh_token_clinic(${tokenHash}) as clinic_id`,
  );
  const clinicId = lookup.rows[0]?.clinic_id;
  if (!clinicId) throw invalidRefreshToken();

  // The revocation must commit, so the failure is reported after the transaction, not thrown inside it.
  const session = await withTenant(db, clinicId, async (tx) => {
    const now = new Date();
    // One atomic claim: of two concurrent refreshes with the same token, exactly one wins.
    const [claimed] = await tx
      .update(refreshTokens)
      .set({ rotatedAt: now })
      .where(
        and(
          eq(refreshTokens.tokenHash, tokenHash),
          isNull(refreshTokens.rotatedAt),
          isNull(refreshTokens.revokedAt),
          gt(refreshTokens.expiresAt, now),
        ),
      )
      .returning({ userId: refreshTokens.userId, familyId: refreshTokens.familyId });
    if (claimed) {
      const [user] = await tx
        .select({ disabledAt: users.disabledAt })
        .from(users)
        .where(eq(users.id, claimed.userId));
      if (!user || user.disabledAt) {
        await revokeFamily(tx, claimed.familyId, now);
        return undefined;
      }
      return issueSession(tx, settings, claimed);
    }
    const [existing] = await tx
      .select({ familyId: refreshTokens.familyId, rotatedAt: refreshTokens.rotatedAt })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash));
    if (existing?.rotatedAt) await revokeFamily(tx, existing.familyId, now);
    return undefined;
  });
  if (!session) throw invalidRefreshToken();
  return session;
}

export async function revokeFamily(
  tx: Parameters<Parameters<Database['transaction']>[0]>[0],
  familyId: string,
  now = new Date(),
) {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}
