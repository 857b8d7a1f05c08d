import { cookies } from 'next/headers';
import { cookieNames } from '../../server/http/cookies';

/**
 * Server components only. The CSRF cookie lives as long as the refresh token, so its presence
 * means a session that is live or can be renewed; the API still verifies every call.
 */
export async function hasSessionCookie(): Promise<boolean> {
  const jar = await cookies();
  return jar.has(cookieNames.csrf) || jar.has(cookieNames.access);
}
