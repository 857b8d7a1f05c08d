import { sessionSchema, signUpInput } from '@healthcare/core/auth/auth-schemas';
import { signUp } from '@healthcare/core/auth/sign-up';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { sessionCookies, withCookies } from '../../session-cookies';

export const signUpRoute = defineRoute({
  method: 'POST',
  path: '/auth/signup',
  summary: 'Create a clinic and its first admin, and sign that admin in',
  tag: 'auth',
  cost: 'auth',
  auth: 'none',
  body: signUpInput,
  responses: {
    201: { description: 'The new admin, the clinic and a session', schema: sessionSchema },
    409: { description: 'An account with this email already exists' },
  },
  async handle({ app, body, origin }) {
    const session = await signUp(app.db, app.sessionSettings, body, origin);
    return withCookies(jsonResponse(201, session), sessionCookies(app.config, session));
  },
});
