import { timingSafeEqual } from 'node:crypto';
import type { AccessTokens } from '@healthcare/core/auth/access-tokens';
import type { Actor, RequestOrigin } from '@healthcare/core/auth/actor';
import { AppError } from '@healthcare/core/errors/app-error';
import { cookieNames, readCookies } from './cookies';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Bearer tokens for API clients; the httpOnly access cookie for the browser. A cookie is sent
 * by the browser on its own, so cookie-authenticated mutations must also prove they come
 * from our page: the CSRF header must echo the CSRF cookie (double submit).
 */
export async function authenticate(
  request: Request,
  accessTokens: AccessTokens,
  origin: RequestOrigin,
): Promise<{ actor: Actor; viaCookie: boolean } | undefined> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const [scheme, token] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new AppError(
        'unauthenticated',
        'Use an Authorization header of the form "Bearer <access token>".',
      );
    }
    return { actor: toActor(await accessTokens.verify(token), origin), viaCookie: false };
  }
  const cookies = readCookies(request);
  const token = cookies.get(cookieNames.access);
  if (!token) return undefined;
  const claims = await accessTokens.verify(token);
  assertCsrf(request, cookies);
  return { actor: toActor(claims, origin), viaCookie: true };
}

export function assertCsrf(request: Request, cookies = readCookies(request)): void {
  if (!unsafeMethods.has(request.method)) return;
  const expected = cookies.get(cookieNames.csrf);
  const presented = request.headers.get('x-csrf-token');
  if (!expected || !presented || !constantTimeEquals(expected, presented)) {
    throw new AppError('forbidden', 'This request is missing its CSRF token. Reload the page and try again.');
  }
}

function constantTimeEquals(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function toActor(claims: { sub: string; cid: string; role: Actor['role'] }, origin: RequestOrigin): Actor {
  return { userId: claims.sub, clinicId: claims.cid, role: claims.role, ...origin };
}
