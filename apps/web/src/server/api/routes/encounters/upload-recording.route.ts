import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { encounterSchema } from '@healthcare/core/encounters/encounter-schemas';
import { uploadRecording } from '@healthcare/core/recordings/upload-recording';
import { defineRoute } from '../../../http/route';
import { declaredLength, requestBodyStream } from '../../../http/request-body';
import { jsonResponse } from '../../../http/responses';
import { encounterIdParams } from './encounter-id-params';

export const audioContentTypes = [
  'audio/wav',
  'audio/webm',
  'audio/ogg',
  'audio/mpeg',
  'audio/mp4',
  'audio/flac',
];

export const uploadRecordingRoute = defineRoute({
  method: 'PUT',
  path: '/encounters/{id}/audio',
  summary: 'Upload a whole recording (streamed; the format is read from the bytes, not the headers)',
  tag: 'encounters',
  cost: 'ai',
  auth: 'user',
  roles: clinicalRoles,
  params: encounterIdParams,
  rawBody: {
    contentTypes: audioContentTypes,
    description: 'The recording: WAV, WebM, Ogg, MP3, MP4/M4A or FLAC',
  },
  responses: {
    202: { description: 'Stored; transcription follows', schema: encounterSchema },
    409: {
      description:
        'No recording consent yet (`reason: consent_required`), or the encounter already has audio',
    },
    413: { description: 'Larger than the configured limit; nothing was stored' },
    415: { description: 'Not a supported audio format; nothing was stored' },
  },
  async handle({ app, actor, params, request }) {
    const encounter = await uploadRecording(
      { ...app, maxBytes: app.config.uploads.maxAudioBytes },
      actor,
      params.id,
      requestBodyStream(request),
      { signal: request.signal, ...optionalLength(request) },
    );
    return jsonResponse(202, encounter);
  },
});

export function optionalLength(request: Request): { declaredBytes?: number } {
  const length = declaredLength(request);
  return length === undefined ? {} : { declaredBytes: length };
}
