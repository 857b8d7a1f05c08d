import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { completeRecordingInput, encounterSchema } from '@healthcare/core/encounters/encounter-schemas';
import { completeRecording } from '@healthcare/core/recordings/complete-recording';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { encounterIdParams } from './encounter-id-params';

export const completeRecordingRoute = defineRoute({
  method: 'POST',
  path: '/encounters/{id}/audio/complete',
  summary: 'Declare the live recording finished, with how many chunks were sent; idempotent',
  tag: 'encounters',
  cost: 'ai',
  auth: 'user',
  roles: clinicalRoles,
  params: encounterIdParams,
  body: completeRecordingInput,
  responses: {
    202: { description: 'Complete; transcription follows', schema: encounterSchema },
    409: {
      description: 'Chunks are missing (listed in `missingSeqs`), or it was completed with another count',
    },
  },
  async handle({ app, actor, params, body }) {
    return jsonResponse(202, await completeRecording(app, actor, params.id, body.chunkCount));
  },
});
