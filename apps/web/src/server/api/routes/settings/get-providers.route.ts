import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { describeProviders, providersSchema } from '../../../health/describe-providers';

export const getProvidersRoute = defineRoute({
  method: 'GET',
  path: '/settings/providers',
  summary: 'The speech-to-text and language model providers in use and whether they answer (admins only)',
  tag: 'settings',
  auth: 'user',
  roles: ['admin'],
  responses: { 200: { description: 'Both providers', schema: providersSchema } },
  async handle({ app }) {
    return jsonResponse(200, await describeProviders(app));
  },
});
