import { listPatients } from '@healthcare/core/patients/list-patients';
import { listPatientsQuery, patientListSchema } from '@healthcare/core/patients/patient-schemas';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';

export const listPatientsRoute = defineRoute({
  method: 'GET',
  path: '/patients',
  summary: 'List patients in name order; `q` matches names (ignoring case and accents) or a document number',
  tag: 'patients',
  auth: 'user',
  query: listPatientsQuery,
  responses: { 200: { description: 'One page of patients', schema: patientListSchema } },
  async handle({ app, actor, query }) {
    return jsonResponse(200, await listPatients(app.db, actor, query));
  },
});
