import { updateUser } from '@healthcare/core/users/update-user';
import { updateUserInput, userIdParams, userSchema } from '@healthcare/core/users/user-schemas';
import { z } from 'zod';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';

export const updateUserRoute = defineRoute({
  method: 'PATCH',
  path: '/users/{id}',
  summary: 'Change a user’s role or deactivate / reactivate them; ends their sessions (admins only)',
  tag: 'users',
  auth: 'user',
  roles: ['admin'],
  params: userIdParams,
  body: updateUserInput,
  responses: {
    200: { description: 'The user after the change', schema: z.object({ user: userSchema }) },
    404: { description: 'No such user in your clinic' },
    409: { description: 'Admins cannot deactivate themselves or drop their own admin role' },
  },
  async handle({ app, actor, params, body }) {
    return jsonResponse(200, { user: await updateUser(app.db, actor, params.id, body) });
  },
});
