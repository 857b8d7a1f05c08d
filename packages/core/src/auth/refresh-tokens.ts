import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { refreshTokens } from '../db/schema';
import type { TenantTransaction } from '../db/database';

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Stores only the hash; the token itself exists once, in the response to the client. */
export async function issueRefreshToken(
  tx: TenantTransaction,
  input: { clinicId: string; userId: string; familyId?: string; ttlSeconds: number },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(refreshTokens).values({
    clinicId: input.clinicId,
    userId: input.userId,
    familyId: input.familyId ?? randomUUID(),
    tokenHash: hashRefreshToken(token),
    expiresAt: new Date(Date.now() + input.ttlSeconds * 1000),
  });
  return token;
}
