import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { defineRoute } from '../../../http/route';
import { audioResponse, audioResponses } from './audio-response';
import { encounterIdParams } from './encounter-id-params';

export const getRecordingAudioRoute = defineRoute({
  method: 'GET',
  path: '/encounters/{id}/audio',
  summary: 'Play an uploaded recording; supports one byte range (live recordings: see the chunks)',
  tag: 'encounters',
  auth: 'user',
  roles: clinicalRoles,
  params: encounterIdParams,
  responses: audioResponses,
  async handle({ app, actor, params, request }) {
    return audioResponse(app, actor, request, params.id);
  },
});
