import { eq, sql } from 'drizzle-orm';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { refreshTokens } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import type { Actor } from './actor';
import { revokeFamily } from './refresh-session';
import { hashRefreshToken } from './refresh-tokens';

/** Ends the session the refresh token belongs to. Logging out twice, or with an unknown token, is not an error. */
export async function logOut(db: Database, input: { refreshToken?: string; actor?: Actor }): Promise<void> {
  const tokenHash = input.refreshToken ? hashRefreshToken(input.refreshToken) : undefined;
  const clinicId = tokenHash
    ? (
        await db.execute<{ clinic_id: string | null }>(
          sql`select app_find_refresh_token_clinic(${tokenHash}) as clinic_id`,
        )
      ).rows[0]?.clinic_id
    : input.actor?.clinicId;
  if (!clinicId) return;
  await withTenant(db, clinicId, async (tx) => {
    if (tokenHash) {
      const [token] = await tx
        .select({ familyId: refreshTokens.familyId, userId: refreshTokens.userId })
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, tokenHash));
      if (token) await revokeFamily(tx, token.familyId);
    }
    if (input.actor && input.actor.clinicId === clinicId) {
      await recordAuditEvents(tx, input.actor, [
        { action: 'auth.logout', resourceType: 'user', resourceId: input.actor.userId },
      ]);
    }
  });
}
