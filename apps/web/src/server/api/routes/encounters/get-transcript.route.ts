import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { getTranscript } from '@healthcare/core/transcripts/get-transcript';
import { transcriptSchema } from '@healthcare/core/transcripts/transcript-schemas';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { encounterIdParams } from './encounter-id-params';

export const getTranscriptRoute = defineRoute({
  method: 'GET',
  path: '/encounters/{id}/transcript',
  summary: 'The transcript so far, with times from the start of the recording (clinicians and admins)',
  tag: 'encounters',
  auth: 'user',
  roles: clinicalRoles,
  params: encounterIdParams,
  responses: {
    200: { description: 'The transcript', schema: transcriptSchema },
    403: { description: 'Staff do not read clinical content' },
    404: { description: 'No such encounter in your clinic' },
  },
  async handle({ app, actor, params }) {
    return jsonResponse(200, await getTranscript(app.db, actor, params.id));
  },
});
