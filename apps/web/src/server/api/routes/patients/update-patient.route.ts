import { patientSchema, updatePatientInput } from '@healthcare/core/patients/patient-schemas';
import { updatePatient } from '@healthcare/core/patients/update-patient';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { patientIdParams } from './patient-id-params';

export const updatePatientRoute = defineRoute({
  method: 'PATCH',
  path: '/patients/{id}',
  summary: 'Change some of a patient’s fields; null clears an optional field',
  tag: 'patients',
  auth: 'user',
  params: patientIdParams,
  body: updatePatientInput,
  responses: {
    200: { description: 'The updated patient', schema: patientSchema },
    404: { description: 'No such patient in your clinic' },
    409: { description: 'Another patient in this clinic has the same document number' },
  },
  async handle({ app, actor, params, body }) {
    return jsonResponse(200, await updatePatient(app.db, actor, params.id, body));
  },
});
