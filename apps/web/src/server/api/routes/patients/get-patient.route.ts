import { getPatient } from '@healthcare/core/patients/get-patient';
import { patientSchema } from '@healthcare/core/patients/patient-schemas';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { patientIdParams } from './patient-id-params';

export const getPatientRoute = defineRoute({
  method: 'GET',
  path: '/patients/{id}',
  summary: 'One patient',
  tag: 'patients',
  auth: 'user',
  params: patientIdParams,
  responses: {
    200: { description: 'The patient', schema: patientSchema },
    404: { description: 'No such patient in your clinic' },
  },
  async handle({ app, actor, params }) {
    return jsonResponse(200, await getPatient(app.db, actor, params.id));
  },
});
