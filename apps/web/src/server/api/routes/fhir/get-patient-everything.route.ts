import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { apiUrlOf } from '@healthcare/core/fhir/fhir-context';
import { fhirBundleSchema } from '@healthcare/core/fhir/fhir-schemas';
import { getPatientEverything } from '@healthcare/core/fhir/get-patient-everything';
import { defineRoute } from '../../../http/route';
import { fhirJsonResponse } from '../../../http/responses';
import { patientIdParams } from '../patients/patient-id-params';

export const getPatientEverythingRoute = defineRoute({
  method: 'GET',
  path: '/fhir/Patient/{id}/$everything',
  summary:
    'The patient’s record as a FHIR R4 Bundle: Patient, clinic, practitioners, encounters, signed notes, documents',
  tag: 'fhir',
  auth: 'user',
  roles: clinicalRoles,
  params: patientIdParams,
  responses: {
    200: {
      description: 'A collection Bundle',
      schema: fhirBundleSchema,
      contentTypes: ['application/fhir+json'],
    },
    403: { description: 'Staff do not read clinical content' },
    404: { description: 'No such patient in your clinic' },
  },
  async handle({ app, actor, params }) {
    const bundle = await getPatientEverything(
      app.db,
      actor,
      params.id,
      apiUrlOf(app.config.server.publicUrl),
    );
    return fhirJsonResponse(200, bundle);
  },
});
