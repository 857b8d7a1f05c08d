import { createTemplate } from '@healthcare/core/templates/create-template';
import { createTemplateInput, templateSchema } from '@healthcare/core/templates/template-schemas';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';

export const createTemplateRoute = defineRoute({
  method: 'POST',
  path: '/templates',
  summary: 'Create one of the clinic’s own note templates (admins)',
  tag: 'templates',
  auth: 'user',
  roles: ['admin'],
  body: createTemplateInput,
  responses: {
    201: { description: 'The template', schema: templateSchema },
    403: { description: 'Only admins manage templates' },
    409: { description: 'The key is taken (by a built-in template or one of the clinic’s)' },
  },
  async handle({ app, actor, body }) {
    return jsonResponse(201, await createTemplate(app.db, actor, body));
  },
});
