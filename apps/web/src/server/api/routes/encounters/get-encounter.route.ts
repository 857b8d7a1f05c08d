import { encounterSchema } from '@healthcare/core/encounters/encounter-schemas';
import { getEncounter } from '@healthcare/core/encounters/get-encounter';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { encounterIdParams } from './encounter-id-params';

export const getEncounterRoute = defineRoute({
  method: 'GET',
  path: '/encounters/{id}',
  summary: 'One encounter, with its status and audio',
  tag: 'encounters',
  auth: 'user',
  params: encounterIdParams,
  responses: {
    200: { description: 'The encounter', schema: encounterSchema },
    404: { description: 'No such encounter in your clinic' },
  },
  async handle({ app, actor, params }) {
    return jsonResponse(200, await getEncounter(app.db, actor, params.id));
  },
});
