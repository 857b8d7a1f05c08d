import { refreshInput } from '@healthcare/core/auth/auth-schemas';
import { logOut } from '@healthcare/core/auth/log-out';
import { defineRoute } from '../../../http/route';
import { noContent } from '../../../http/responses';
import { clearedSessionCookies, withCookies } from '../../session-cookies';
import { presentedRefreshToken } from './presented-refresh-token';

export const logOutRoute = defineRoute({
  method: 'POST',
  path: '/auth/logout',
  summary: 'End the session: revoke its refresh token family and clear the cookies',
  tag: 'auth',
  auth: 'none',
  body: refreshInput,
  responses: { 204: { description: 'Signed out (also when already signed out)' } },
  async handle({ app, body, request, actor }) {
    const refreshToken = presentedRefreshToken(request, body);
    await logOut(app.db, { ...(refreshToken ? { refreshToken } : {}), ...(actor ? { actor } : {}) });
    return withCookies(noContent(), clearedSessionCookies(app.config));
  },
});
