import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { createPatientExport } from '@healthcare/core/exports/create-patient-export';
import { patientExportSchema } from '@healthcare/core/exports/export-schemas';
import { apiUrlOf } from '@healthcare/core/fhir/fhir-context';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { patientIdParams } from '../patients/patient-id-params';

export const createPatientExportRoute = defineRoute({
  method: 'POST',
  path: '/patients/{id}/export',
  summary:
    'Export the patient’s record as one zip archive (patient.json, fhir-bundle.json, documents, signed note PDFs)',
  tag: 'patients',
  auth: 'user',
  roles: clinicalRoles,
  params: patientIdParams,
  responses: {
    201: { description: 'The stored archive; download it from `download`', schema: patientExportSchema },
    403: { description: 'Staff do not export clinical records' },
    404: { description: 'No such patient in your clinic' },
  },
  async handle({ app, actor, params }) {
    const created = await createPatientExport(
      { db: app.db, storage: app.storage, apiUrl: apiUrlOf(app.config.server.publicUrl) },
      actor,
      params.id,
    );
    return jsonResponse(201, created, { location: created.download });
  },
});
