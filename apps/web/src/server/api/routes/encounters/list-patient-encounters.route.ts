import { encounterListSchema, listEncountersQuery } from '@healthcare/core/encounters/encounter-schemas';
import { listPatientEncounters } from '@healthcare/core/encounters/list-patient-encounters';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { patientIdParams } from '../patients/patient-id-params';

export const listPatientEncountersRoute = defineRoute({
  method: 'GET',
  path: '/patients/{id}/encounters',
  summary: 'A patient’s encounters, newest first',
  tag: 'encounters',
  auth: 'user',
  params: patientIdParams,
  query: listEncountersQuery,
  responses: {
    200: { description: 'One page of encounters', schema: encounterListSchema },
    404: { description: 'No such patient in your clinic' },
  },
  async handle({ app, actor, params, query }) {
    return jsonResponse(200, await listPatientEncounters(app.db, actor, params.id, query));
  },
});
