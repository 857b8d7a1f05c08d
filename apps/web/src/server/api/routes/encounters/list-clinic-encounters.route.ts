import {
  clinicEncounterListSchema,
  listClinicEncountersQuery,
} from '@healthcare/core/encounters/encounter-schemas';
import { listClinicEncounters } from '@healthcare/core/encounters/list-clinic-encounters';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';

export const listClinicEncountersRoute = defineRoute({
  method: 'GET',
  path: '/encounters',
  summary: 'The clinic’s encounters started between `from` and `to` (the day’s agenda), oldest first',
  tag: 'encounters',
  auth: 'user',
  query: listClinicEncountersQuery,
  responses: {
    200: { description: 'The encounters, with their patient', schema: clinicEncounterListSchema },
  },
  async handle({ app, actor, query }) {
    return jsonResponse(200, await listClinicEncounters(app.db, actor, query));
  },
});
