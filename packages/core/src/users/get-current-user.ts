import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { toClinic, type Clinic } from '../clinics/clinic-schemas';
import type { Database } from '../db/database';
import { clinics, users } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { AppError } from '../errors/app-error';
import { toUser, type User } from './user-schemas';

export async function getCurrentUser(db: Database, actor: Actor): Promise<{ user: User; clinic: Clinic }> {
  return withTenant(db, actor.clinicId, async (tx) => {
    const [row] = await tx
      .select({ user: users, clinic: clinics })
      .from(users)
      .innerJoin(clinics, eq(clinics.id, users.clinicId))
      .where(eq(users.id, actor.userId));
    if (!row || row.user.disabledAt) {
      throw new AppError('unauthenticated', 'Your account is no longer active.');
    }
    return { user: toUser(row.user), clinic: toClinic(row.clinic) };
  });
}
