import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { noteSchema, updateNoteInput } from '@healthcare/core/notes/note-schemas';
import { updateNote } from '@healthcare/core/notes/update-note';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { encounterIdParams } from '../encounters/encounter-id-params';
import { parseIfMatchVersion, versionEtag } from './note-version-header';

export const updateNoteRoute = defineRoute({
  method: 'PATCH',
  path: '/encounters/{id}/note',
  summary:
    'Save an edit as a new version. Send the sections you changed with all their items; `If-Match` with the version you edited protects against overwriting another tab',
  tag: 'notes',
  auth: 'user',
  roles: clinicalRoles,
  params: encounterIdParams,
  body: updateNoteInput,
  responses: {
    200: { description: 'The new version', schema: noteSchema },
    403: { description: 'Staff do not edit clinical content' },
    404: { description: 'No such encounter in your clinic, or no note yet' },
    409: { description: 'The note is signed, or a new version is being written' },
    412: { description: 'The note changed since the version in If-Match' },
    400: { description: 'Unknown section, item or transcript segment' },
  },
  async handle({ app, actor, params, body, request }) {
    const note = await updateNote(app, actor, params.id, body, parseIfMatchVersion(request));
    return jsonResponse(200, note, versionEtag(note.version));
  },
});
