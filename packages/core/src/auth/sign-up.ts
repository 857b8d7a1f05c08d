import { randomUUID } from 'node:crypto';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { clinics, users } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { AppError } from '../errors/app-error';
import { isUniqueViolation } from '../db/postgres-errors';
import type { RequestOrigin } from './actor';
import type { Session, SignUpInput } from './auth-schemas';
import { issueSession, type SessionSettings } from './issue-session';
import { hashPassword } from './passwords';

/** Creates a clinic with its first admin and signs that admin in. */
export async function signUp(
  db: Database,
  settings: SessionSettings,
  input: SignUpInput,
  origin: RequestOrigin,
): Promise<Session> {
  const passwordHash = await hashPassword(input.password);
  // The clinic id is chosen here so the transaction can enter the new tenant before the row exists.
  const clinicId = randomUUID();
  try {
    return await withTenant(db, clinicId, async (tx) => {
      await tx.insert(clinics).values({ id: clinicId, name: input.clinicName });
      const [user] = await tx
        .insert(users)
        .values({ clinicId, name: input.name, email: input.email, role: 'admin', passwordHash })
        .returning({ id: users.id });
      if (!user) throw new Error('insert returned no row');
      const actor = { userId: user.id, clinicId, role: 'admin' as const, ...origin };
      await recordAuditEvents(tx, actor, [
        { action: 'auth.signup', resourceType: 'clinic', resourceId: clinicId },
      ]);
      return issueSession(tx, settings, { userId: user.id });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique')) throw emailTaken();
    throw error;
  }
}

export const emailTaken = () =>
  new AppError('conflict', 'An account with this email already exists.', {
    fieldErrors: [
      { pointer: '/email', detail: 'An account with this email already exists.', code: 'email_taken' },
    ],
  });
