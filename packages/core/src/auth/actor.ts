import type { UserRole } from '../users/user-schemas';

/** Who is acting, for authorization and for the audit trail. */
export interface Actor {
  userId: string;
  clinicId: string;
  role: UserRole;
  requestId: string;
  ip: string | null;
}

/** The request facts recorded for actions taken before anyone is signed in (signup, login). */
export interface RequestOrigin {
  requestId: string;
  ip: string | null;
}
