import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { encounterSchema } from '@healthcare/core/encounters/encounter-schemas';
import { regenerateNoteInput } from '@healthcare/core/notes/note-schemas';
import { regenerateNote } from '@healthcare/core/notes/regenerate-note';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { encounterIdParams } from '../encounters/encounter-id-params';

export const regenerateNoteRoute = defineRoute({
  method: 'POST',
  path: '/encounters/{id}/note/regenerate',
  summary: 'Write the note again, optionally with another template or language; earlier versions are kept',
  tag: 'notes',
  cost: 'ai',
  auth: 'user',
  roles: clinicalRoles,
  params: encounterIdParams,
  body: regenerateNoteInput,
  responses: {
    202: { description: 'The encounter, now generating', schema: encounterSchema },
    403: { description: 'Staff do not write notes' },
    404: { description: 'No such encounter in your clinic' },
    409: { description: 'The note is signed, or not written yet' },
    400: { description: 'Unknown template' },
  },
  async handle({ app, actor, params, body }) {
    return jsonResponse(202, await regenerateNote(app, actor, params.id, body));
  },
});
