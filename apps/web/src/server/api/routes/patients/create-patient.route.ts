import { createPatient } from '@healthcare/core/patients/create-patient';
import { createPatientInput, patientSchema } from '@healthcare/core/patients/patient-schemas';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';

export const createPatientRoute = defineRoute({
  method: 'POST',
  path: '/patients',
  summary: 'Register a patient',
  tag: 'patients',
  auth: 'user',
  body: createPatientInput,
  responses: {
    201: { description: 'The new patient', schema: patientSchema },
    409: { description: 'Another patient in this clinic has the same document number' },
  },
  async handle({ app, actor, body }) {
    return jsonResponse(201, await createPatient(app.db, actor, body));
  },
});
