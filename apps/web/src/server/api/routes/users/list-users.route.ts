import { listUsers } from '@healthcare/core/users/list-users';
import { userListSchema } from '@healthcare/core/users/user-schemas';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';

export const listUsersRoute = defineRoute({
  method: 'GET',
  path: '/users',
  summary: 'The clinic’s users, deactivated ones included (admins only)',
  tag: 'users',
  auth: 'user',
  roles: ['admin'],
  responses: { 200: { description: 'Every user of the clinic', schema: userListSchema } },
  async handle({ app, actor }) {
    return jsonResponse(200, await listUsers(app.db, actor));
  },
});
