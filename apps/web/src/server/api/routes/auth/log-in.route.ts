import { logInInput, sessionSchema } from '@healthcare/core/auth/auth-schemas';
import { logIn } from '@healthcare/core/auth/log-in';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { sessionCookies, withCookies } from '../../session-cookies';

export const logInRoute = defineRoute({
  method: 'POST',
  path: '/auth/login',
  summary: 'Sign in with email and password',
  tag: 'auth',
  cost: 'auth',
  auth: 'none',
  body: logInInput,
  responses: {
    200: { description: 'A new session', schema: sessionSchema },
    401: { description: 'The email or password is incorrect' },
    429: { description: 'Too many failed attempts; see Retry-After' },
  },
  async handle({ app, body, origin }) {
    const session = await logIn(app.db, app.sessionSettings, body, origin);
    return withCookies(jsonResponse(200, session), sessionCookies(app.config, session));
  },
});
