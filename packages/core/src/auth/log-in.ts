import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { withTenant } from '../db/with-tenant';
import { AppError } from '../errors/app-error';
import type { RateLimiter } from '../rate-limit/rate-limiter';
import type { UserRole } from '../users/user-schemas';
import type { RequestOrigin } from './actor';
import type { LogInInput, Session } from './auth-schemas';
import { issueSession, type SessionSettings } from './issue-session';
import { decoyPasswordHash, verifyPassword } from './passwords';

export interface LoginThrottle {
  limiter: RateLimiter;
  maxFailures: number;
  lockoutSeconds: number;
}

// One address may legitimately serve a whole clinic behind NAT, so it gets more room than one account.
const failuresPerIpFactor = 4;

const badCredentials = () => new AppError('unauthenticated', 'The email or password is incorrect.');

export async function logIn(
  db: Database,
  settings: SessionSettings & { throttle: LoginThrottle },
  input: LogInInput,
  origin: RequestOrigin,
): Promise<Session> {
  const { throttle } = settings;
  // Hashed so that Redis never holds email addresses.
  const accountKey = `login:account:${createHash('sha256').update(input.email).digest('hex')}`;
  const ipKey = origin.ip ? `login:ip:${origin.ip}` : undefined;
  await refuseWhenLockedOut(throttle, accountKey, throttle.maxFailures);
  if (ipKey) await refuseWhenLockedOut(throttle, ipKey, throttle.maxFailures * failuresPerIpFactor);

  const result = await db.execute<{
    user_id: string;
    clinic_id: string;
    password_hash: string;
    disabled: boolean;
  }>(sql`select user_id, clinic_id, password_hash, disabled from app_find_login(${input.email})`);
  const candidate = result.rows[0];
  const passwordMatches = await verifyPassword(
    candidate?.password_hash ?? (await decoyPasswordHash),
    input.password,
  );
  if (!candidate || !passwordMatches || candidate.disabled) {
    await throttle.limiter.hit(accountKey, throttle.lockoutSeconds);
    if (ipKey) await throttle.limiter.hit(ipKey, throttle.lockoutSeconds);
    throw badCredentials();
  }
  await throttle.limiter.reset(accountKey);

  return withTenant(db, candidate.clinic_id, async (tx) => {
    const session = await issueSession(tx, settings, { userId: candidate.user_id });
    const actor = {
      userId: candidate.user_id,
      clinicId: candidate.clinic_id,
      role: session.user.role as UserRole,
      ...origin,
    };
    await recordAuditEvents(tx, actor, [
      { action: 'auth.login', resourceType: 'user', resourceId: candidate.user_id },
    ]);
    return session;
  });
}

async function refuseWhenLockedOut(throttle: LoginThrottle, key: string, limit: number) {
  const { count, resetInSeconds } = await throttle.limiter.peek(key);
  if (count >= limit) {
    throw new AppError('rate_limited', 'Too many failed sign-in attempts. Please wait before trying again.', {
      retryAfterSeconds: Math.max(resetInSeconds, 1),
    });
  }
}
