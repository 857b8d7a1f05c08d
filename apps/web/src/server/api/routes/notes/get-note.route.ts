import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { getNote } from '@healthcare/core/notes/get-note';
import { noteSchema } from '@healthcare/core/notes/note-schemas';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { encounterIdParams } from '../encounters/encounter-id-params';
import { versionEtag } from './note-version-header';

export const getNoteRoute = defineRoute({
  method: 'GET',
  path: '/encounters/{id}/note',
  summary: 'The current version of the encounter’s note, with evidence and flags (clinicians and admins)',
  tag: 'notes',
  auth: 'user',
  roles: clinicalRoles,
  params: encounterIdParams,
  responses: {
    200: { description: 'The note; its version is also the ETag', schema: noteSchema },
    403: { description: 'Staff do not read clinical content' },
    404: { description: 'No such encounter in your clinic, or no note yet' },
  },
  async handle({ app, actor, params }) {
    const note = await getNote(app.db, actor, params.id);
    return jsonResponse(200, note, versionEtag(note.version));
  },
});
