import { eq } from 'drizzle-orm';
import { toClinic } from '../clinics/clinic-schemas';
import type { TenantTransaction } from '../db/database';
import { clinics, users } from '../db/schema';
import { notFound } from '../errors/app-error';
import { toUser } from '../users/user-schemas';
import type { AccessTokens } from './access-tokens';
import type { Session } from './auth-schemas';
import { issueRefreshToken } from './refresh-tokens';

export interface SessionSettings {
  accessTokens: AccessTokens;
  refreshTokenTtlSeconds: number;
}

/** A fresh access token plus a refresh token; `familyId` continues a rotation chain. */
export async function issueSession(
  tx: TenantTransaction,
  settings: SessionSettings,
  input: { userId: string; familyId?: string },
): Promise<Session> {
  const [row] = await tx
    .select({ user: users, clinic: clinics })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.id, input.userId));
  if (!row) throw notFound('The user');
  const refreshToken = await issueRefreshToken(tx, {
    clinicId: row.user.clinicId,
    userId: row.user.id,
    ttlSeconds: settings.refreshTokenTtlSeconds,
    ...(input.familyId ? { familyId: input.familyId } : {}),
  });
  const accessToken = await settings.accessTokens.sign({
    sub: row.user.id,
    cid: row.user.clinicId,
    role: row.user.role,
  });
  return {
    user: toUser(row.user),
    clinic: toClinic(row.clinic),
    accessToken,
    refreshToken,
    expiresIn: settings.accessTokens.ttlSeconds,
  };
}
