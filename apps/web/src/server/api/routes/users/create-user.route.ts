import { createUser } from '@healthcare/core/users/create-user';
import { createUserInput, userSchema } from '@healthcare/core/users/user-schemas';
import { z } from 'zod';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';

export const createUserRoute = defineRoute({
  method: 'POST',
  path: '/users',
  summary: 'Add a user to the clinic (admins only)',
  tag: 'users',
  auth: 'user',
  roles: ['admin'],
  body: createUserInput,
  responses: {
    201: { description: 'The new user', schema: z.object({ user: userSchema }) },
    409: { description: 'An account with this email already exists' },
  },
  async handle({ app, actor, body }) {
    return jsonResponse(201, { user: await createUser(app.db, actor, body) });
  },
});
