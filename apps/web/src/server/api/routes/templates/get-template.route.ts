import { getTemplate } from '@healthcare/core/templates/get-template';
import { templateKeyParams, templateSchema } from '@healthcare/core/templates/template-schemas';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { preferredLanguage } from './preferred-language';

export const getTemplateRoute = defineRoute({
  method: 'GET',
  path: '/templates/{key}',
  summary: 'One note template',
  tag: 'templates',
  auth: 'user',
  params: templateKeyParams,
  responses: {
    200: { description: 'The template', schema: templateSchema },
    404: { description: 'No such template in your clinic' },
  },
  async handle({ app, actor, params, request }) {
    return jsonResponse(200, await getTemplate(app.db, actor, params.key, preferredLanguage(request)));
  },
});
