import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { addAddendum } from '@healthcare/core/notes/add-addendum';
import { addendumInput, addendumSchema } from '@healthcare/core/notes/note-schemas';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { encounterIdParams } from '../encounters/encounter-id-params';

export const addAddendumRoute = defineRoute({
  method: 'POST',
  path: '/encounters/{id}/note/addenda',
  summary: 'Add a dated, attributed addendum to a signed note',
  tag: 'notes',
  auth: 'user',
  roles: clinicalRoles,
  params: encounterIdParams,
  body: addendumInput,
  responses: {
    201: { description: 'The addendum', schema: addendumSchema },
    403: { description: 'Staff do not write notes' },
    404: { description: 'No such encounter in your clinic, or no note yet' },
    409: { description: 'The note is not signed yet: edit it instead' },
  },
  async handle({ app, actor, params, body }) {
    return jsonResponse(201, await addAddendum(app, actor, params.id, body.text));
  },
});
