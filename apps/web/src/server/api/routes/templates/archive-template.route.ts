import { archiveTemplate } from '@healthcare/core/templates/archive-template';
import { templateKeyParams, templateSchema } from '@healthcare/core/templates/template-schemas';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';

export const archiveTemplateRoute = defineRoute({
  method: 'POST',
  path: '/templates/{key}/archive',
  summary:
    'Archive a clinic template (admins): no new encounter or regenerated note may use it; those already using it go on',
  tag: 'templates',
  auth: 'user',
  roles: ['admin'],
  params: templateKeyParams,
  responses: {
    200: { description: 'The template, archived', schema: templateSchema },
    403: { description: 'Only admins manage templates' },
    404: { description: 'No such template in your clinic' },
    409: { description: 'Built-in templates cannot be archived' },
  },
  async handle({ app, actor, params }) {
    return jsonResponse(200, await archiveTemplate(app.db, actor, params.key));
  },
});
