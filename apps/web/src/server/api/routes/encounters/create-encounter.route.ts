import { createEncounter } from '@healthcare/core/encounters/create-encounter';
import { createEncounterInput, encounterSchema } from '@healthcare/core/encounters/encounter-schemas';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';

export const createEncounterRoute = defineRoute({
  method: 'POST',
  path: '/encounters',
  summary: 'Start an encounter for a patient',
  tag: 'encounters',
  auth: 'user',
  body: createEncounterInput,
  responses: {
    201: { description: 'The new encounter', schema: encounterSchema },
    404: { description: 'No such patient in your clinic' },
  },
  async handle({ app, actor, body }) {
    return jsonResponse(201, await createEncounter(app.db, actor, body));
  },
});
