import { AppError } from '@healthcare/core/errors/app-error';
import { assertCsrf } from '../../../http/authenticate';
import { cookieNames, readCookies } from '../../../http/cookies';

/** From the body (API clients) or the refresh cookie (browser, which must then pass the CSRF check). */
export function presentedRefreshToken(
  request: Request,
  body: { refreshToken?: string | undefined },
): string | undefined {
  if (body.refreshToken) return body.refreshToken;
  const fromCookie = readCookies(request).get(cookieNames.refresh);
  if (fromCookie) assertCsrf(request);
  return fromCookie;
}

export const missingRefreshToken = () =>
  new AppError('unauthenticated', 'Send the refresh token in the body, or sign in again.');
