import { listTemplates } from '@healthcare/core/templates/list-templates';
import { listTemplatesQuery, templateListSchema } from '@healthcare/core/templates/template-schemas';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { preferredLanguage } from './preferred-language';

export const listTemplatesRoute = defineRoute({
  method: 'GET',
  path: '/templates',
  summary: 'Note templates: the built-in ones, then the clinic’s own (archived ones on request)',
  tag: 'templates',
  auth: 'user',
  query: listTemplatesQuery,
  responses: {
    200: { description: 'Every template this clinic can use', schema: templateListSchema },
  },
  async handle({ app, actor, request, query }) {
    const items = await listTemplates(app.db, actor, preferredLanguage(request), {
      includeArchived: query.includeArchived,
    });
    return jsonResponse(200, { items });
  },
});
