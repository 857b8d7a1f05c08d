import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { encounterSchema, recordConsentInput } from '@healthcare/core/encounters/encounter-schemas';
import { recordRecordingConsent } from '@healthcare/core/encounters/record-recording-consent';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { encounterIdParams } from './encounter-id-params';

export const recordConsentRoute = defineRoute({
  method: 'POST',
  path: '/encounters/{id}/consent',
  summary: 'Record that the patient consented to being recorded, with the wording shown; audio needs it',
  tag: 'encounters',
  auth: 'user',
  roles: clinicalRoles,
  params: encounterIdParams,
  body: recordConsentInput,
  responses: {
    201: { description: 'Recorded; audio may now be uploaded', schema: encounterSchema },
    200: { description: 'Already recorded: the first consent is kept unchanged', schema: encounterSchema },
    404: { description: 'No such encounter in your clinic' },
  },
  async handle({ app, actor, params, body }) {
    const { encounter, created } = await recordRecordingConsent(app.db, actor, params.id, body);
    return jsonResponse(created ? 201 : 200, encounter);
  },
});
