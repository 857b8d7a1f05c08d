import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { defineRoute } from '../../../http/route';
import { audioResponse, audioResponses } from './audio-response';
import { chunkParams } from './encounter-id-params';

export const getChunkAudioRoute = defineRoute({
  method: 'GET',
  path: '/encounters/{id}/audio/chunks/{seq}',
  summary: 'Play one live chunk (transcript segments name theirs); supports one byte range',
  tag: 'encounters',
  auth: 'user',
  roles: clinicalRoles,
  params: chunkParams,
  responses: audioResponses,
  async handle({ app, actor, params, request }) {
    return audioResponse(app, actor, request, params.id, params.seq);
  },
});
