import { randomBytes } from 'node:crypto';
import type { Session } from '@healthcare/core/auth/auth-schemas';
import type { Config } from '@healthcare/core/config/config';
import { cookieNames, serializeCookie } from '../http/cookies';

/** The refresh cookie is only ever sent to the auth endpoints that need it. */
const refreshCookiePath = '/api/v1/auth';

export function sessionCookies(config: Config, session: Session): string[] {
  const secure = config.server.publicUrl.protocol === 'https:';
  const refreshMaxAge = config.auth.refreshTokenTtlSeconds;
  return [
    serializeCookie(cookieNames.access, session.accessToken, {
      maxAgeSeconds: session.expiresIn,
      httpOnly: true,
      secure,
      path: '/',
      sameSite: 'Lax',
    }),
    serializeCookie(cookieNames.refresh, session.refreshToken, {
      maxAgeSeconds: refreshMaxAge,
      httpOnly: true,
      secure,
      path: refreshCookiePath,
      sameSite: 'Strict',
    }),
    // Readable by our page's script, which echoes it in the X-CSRF-Token header.
    serializeCookie(cookieNames.csrf, randomBytes(24).toString('base64url'), {
      maxAgeSeconds: refreshMaxAge,
      httpOnly: false,
      secure,
      path: '/',
      sameSite: 'Lax',
    }),
  ];
}

export function clearedSessionCookies(config: Config): string[] {
  const secure = config.server.publicUrl.protocol === 'https:';
  const expired = { maxAgeSeconds: 0, secure, sameSite: 'Lax' as const };
  return [
    serializeCookie(cookieNames.access, '', { ...expired, httpOnly: true, path: '/' }),
    serializeCookie(cookieNames.refresh, '', {
      ...expired,
      httpOnly: true,
      path: refreshCookiePath,
      sameSite: 'Strict',
    }),
    serializeCookie(cookieNames.csrf, '', { ...expired, httpOnly: false, path: '/' }),
  ];
}

export function withCookies(response: Response, cookies: string[]): Response {
  for (const cookie of cookies) response.headers.append('set-cookie', cookie);
  return response;
}
