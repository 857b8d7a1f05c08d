import { meSchema } from '@healthcare/core/auth/auth-schemas';
import { getCurrentUser } from '@healthcare/core/users/get-current-user';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';

export const getMeRoute = defineRoute({
  method: 'GET',
  path: '/me',
  summary: 'The signed-in user and their clinic',
  tag: 'users',
  auth: 'user',
  responses: { 200: { description: 'The signed-in user', schema: meSchema } },
  async handle({ app, actor }) {
    return jsonResponse(200, await getCurrentUser(app.db, actor));
  },
});
