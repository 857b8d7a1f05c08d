import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { uploadChunk } from '@healthcare/core/recordings/upload-chunk';
import { z } from 'zod';
import { defineRoute } from '../../../http/route';
import { requestBodyStream } from '../../../http/request-body';
import { jsonResponse } from '../../../http/responses';
import { chunkParams } from './encounter-id-params';
import { audioContentTypes, optionalLength } from './upload-recording.route';

const chunkReceiptSchema = z
  .object({ seq: z.number().int(), bytes: z.number().int(), sha256: z.string(), duplicate: z.boolean() })
  .meta({ id: 'ChunkReceipt' });

export const uploadChunkRoute = defineRoute({
  method: 'PUT',
  path: '/encounters/{id}/audio/chunks/{seq}',
  summary: 'Upload one live chunk of a recording; idempotent per chunk number, any order',
  tag: 'encounters',
  auth: 'user',
  roles: clinicalRoles,
  params: chunkParams,
  rawBody: { contentTypes: audioContentTypes, description: 'One self-contained audio chunk' },
  responses: {
    202: { description: 'Stored (or already stored with the same bytes)', schema: chunkReceiptSchema },
    409: {
      description:
        'No recording consent yet (`reason: consent_required`), different bytes for a chunk already stored, or the recording is complete',
    },
    413: { description: 'Larger than the chunk limit; nothing was stored' },
    415: { description: 'Not a supported audio format; nothing was stored' },
  },
  async handle({ app, actor, params, request }) {
    const receipt = await uploadChunk(
      { ...app, maxBytes: app.config.uploads.maxChunkBytes },
      actor,
      params.id,
      params.seq,
      requestBodyStream(request),
      { signal: request.signal, ...optionalLength(request) },
    );
    return jsonResponse(202, receipt);
  },
});
