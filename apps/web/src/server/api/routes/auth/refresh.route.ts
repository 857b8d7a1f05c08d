import { refreshInput, sessionSchema } from '@healthcare/core/auth/auth-schemas';
import { refreshSession } from '@healthcare/core/auth/refresh-session';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { clearedSessionCookies, sessionCookies, withCookies } from '../../session-cookies';
import { missingRefreshToken, presentedRefreshToken } from './presented-refresh-token';
import { errorToProblem } from '../../../http/error-to-problem';

export const refreshRoute = defineRoute({
  method: 'POST',
  path: '/auth/refresh',
  summary: 'Exchange a refresh token for a new pair; reusing a rotated token revokes its whole family',
  tag: 'auth',
  cost: 'auth',
  auth: 'none',
  body: refreshInput,
  responses: {
    200: { description: 'A new session', schema: sessionSchema },
    401: { description: 'The refresh token is unknown, expired, revoked or was already used' },
  },
  async handle({ app, body, request }) {
    const token = presentedRefreshToken(request, body);
    if (!token) throw missingRefreshToken();
    try {
      const session = await refreshSession(app.db, app.sessionSettings, token);
      return withCookies(jsonResponse(200, session), sessionCookies(app.config, session));
    } catch (error) {
      // A dead session's cookies are cleared so the browser stops presenting them.
      return withCookies(errorToProblem(error, app.logger), clearedSessionCookies(app.config));
    }
  },
});
