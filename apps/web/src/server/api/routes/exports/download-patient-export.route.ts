import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { Readable } from 'node:stream';
import { patientExportParams } from '@healthcare/core/exports/export-schemas';
import { readPatientExport } from '@healthcare/core/exports/read-patient-export';
import { formatContentDisposition } from '@healthcare/core/storage/format-content-disposition';
import { defineRoute } from '../../../http/route';

export const downloadPatientExportRoute = defineRoute({
  method: 'GET',
  path: '/patients/{id}/exports/{exportId}',
  summary: 'Download a patient export archive (zip)',
  tag: 'patients',
  auth: 'user',
  roles: clinicalRoles,
  params: patientExportParams,
  responses: {
    200: { description: 'The zip archive', contentTypes: ['application/zip'] },
    403: { description: 'Staff do not export clinical records' },
    404: { description: 'No such patient in your clinic, or no such export of this patient' },
  },
  async handle({ app, actor, params }) {
    const archive = await readPatientExport(
      { db: app.db, storage: app.storage },
      actor,
      params.id,
      params.exportId,
    );
    return new Response(Readable.toWeb(archive.body) as ReadableStream, {
      status: 200,
      headers: {
        'content-type': 'application/zip',
        'content-length': String(archive.size),
        'content-disposition': formatContentDisposition(archive.fileName),
        'cache-control': 'private, no-store',
      },
    });
  },
});
