import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { noteSchema } from '@healthcare/core/notes/note-schemas';
import { signNote } from '@healthcare/core/notes/sign-note';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { encounterIdParams } from '../encounters/encounter-id-params';
import { parseIfMatchVersion, versionEtag } from './note-version-header';

export const signNoteRoute = defineRoute({
  method: 'POST',
  path: '/encounters/{id}/note/sign',
  summary: 'Sign the current version (every flag fixed or acknowledged); a signed note never changes',
  tag: 'notes',
  auth: 'user',
  roles: clinicalRoles,
  params: encounterIdParams,
  responses: {
    200: { description: 'The signed note', schema: noteSchema },
    403: { description: 'Staff do not sign notes' },
    404: { description: 'No such encounter in your clinic, or no note yet' },
    409: { description: 'Already signed, flags still open, or a new version is being written' },
    412: { description: 'The note changed since the version in If-Match' },
  },
  async handle({ app, actor, params, request }) {
    const note = await signNote(app, actor, params.id, parseIfMatchVersion(request));
    return jsonResponse(200, note, versionEtag(note.version));
  },
});
