import { updateTemplate } from '@healthcare/core/templates/update-template';
import {
  templateKeyParams,
  templateSchema,
  updateTemplateInput,
} from '@healthcare/core/templates/template-schemas';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';

export const updateTemplateRoute = defineRoute({
  method: 'PATCH',
  path: '/templates/{key}',
  summary: 'Change a clinic template’s name or sections (admins); notes already written keep theirs',
  tag: 'templates',
  auth: 'user',
  roles: ['admin'],
  params: templateKeyParams,
  body: updateTemplateInput,
  responses: {
    200: { description: 'The template', schema: templateSchema },
    403: { description: 'Only admins manage templates' },
    404: { description: 'No such template in your clinic' },
    409: { description: 'Built-in templates cannot be changed' },
  },
  async handle({ app, actor, params, body }) {
    return jsonResponse(200, await updateTemplate(app.db, actor, params.key, body));
  },
});
