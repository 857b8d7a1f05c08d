import { restoreTemplate } from '@healthcare/core/templates/archive-template';
import { templateKeyParams, templateSchema } from '@healthcare/core/templates/template-schemas';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';

export const restoreTemplateRoute = defineRoute({
  method: 'POST',
  path: '/templates/{key}/restore',
  summary: 'Put an archived clinic template back in use (admins)',
  tag: 'templates',
  auth: 'user',
  roles: ['admin'],
  params: templateKeyParams,
  responses: {
    200: { description: 'The template, in use again', schema: templateSchema },
    403: { description: 'Only admins manage templates' },
    404: { description: 'No such template in your clinic' },
    409: { description: 'Built-in templates cannot be archived or restored' },
  },
  async handle({ app, actor, params }) {
    return jsonResponse(200, await restoreTemplate(app.db, actor, params.key));
  },
});
