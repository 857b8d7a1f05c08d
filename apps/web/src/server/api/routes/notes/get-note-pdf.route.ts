import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { formatContentDisposition } from '@healthcare/core/storage/format-content-disposition';
import { getNotePdf } from '@healthcare/core/notes/get-note-pdf';
import { defineRoute } from '../../../http/route';
import { encounterIdParams } from '../encounters/encounter-id-params';

export const getNotePdfRoute = defineRoute({
  method: 'GET',
  path: '/encounters/{id}/note.pdf',
  summary: 'The signed note as a PDF: clinic, patient identification, encounter date, note, signer and time',
  tag: 'notes',
  auth: 'user',
  roles: clinicalRoles,
  params: encounterIdParams,
  responses: {
    200: { description: 'The PDF', contentTypes: ['application/pdf'] },
    403: { description: 'Staff do not read clinical content' },
    404: { description: 'No such encounter in your clinic, or no note yet' },
    409: { description: 'The note is not signed yet' },
  },
  async handle({ app, actor, params }) {
    const { pdf, fileName } = await getNotePdf(app.db, actor, params.id);
    return new Response(new Uint8Array(pdf), {
      status: 200,
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': formatContentDisposition(fileName),
        'cache-control': 'private, no-store',
      },
    });
  },
});
