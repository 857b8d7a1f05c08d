import { documentListSchema } from '@healthcare/core/documents/document-schemas';
import { listPatientDocuments } from '@healthcare/core/documents/list-patient-documents';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { patientIdParams } from '../patients/patient-id-params';

export const listPatientDocumentsRoute = defineRoute({
  method: 'GET',
  path: '/patients/{id}/documents',
  summary: 'A patient’s documents, newest first',
  tag: 'documents',
  auth: 'user',
  params: patientIdParams,
  responses: {
    200: { description: 'The documents', schema: documentListSchema },
    404: { description: 'No such patient in your clinic' },
  },
  async handle({ app, actor, params }) {
    return jsonResponse(200, await listPatientDocuments(app.db, actor, params.id));
  },
});
