import { listTemplates } from '@healthcare/core/templates/list-templates';
import { templateListSchema } from '@healthcare/core/templates/template-schemas';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { preferredLanguage } from './preferred-language';

export const listTemplatesRoute = defineRoute({
  method: 'GET',
  path: '/templates',
  summary: 'Note templates: the built-in ones, then the clinic’s own',
  tag: 'templates',
  auth: 'user',
  responses: { 200: { description: 'Every template this clinic can use', schema: templateListSchema } },
  async handle({ app, actor, request }) {
    return jsonResponse(200, { items: await listTemplates(app.db, actor, preferredLanguage(request)) });
  },
});
