import { documentSchema } from '@healthcare/core/documents/document-schemas';
import { uploadDocument } from '@healthcare/core/documents/upload-document';
import { defineRoute } from '../../../http/route';
import { readMultipartFile } from '../../../http/read-multipart-file';
import { requestBodyStream } from '../../../http/request-body';
import { jsonResponse } from '../../../http/responses';
import { optionalLength } from '../encounters/upload-recording.route';
import { patientIdParams } from '../patients/patient-id-params';

export const documentContentTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'text/plain',
];

export const uploadDocumentRoute = defineRoute({
  method: 'POST',
  path: '/patients/{id}/documents',
  summary:
    'Add a document (exam result, report) to a patient’s record: raw body with X-Filename, or multipart field "file"',
  tag: 'documents',
  auth: 'user',
  params: patientIdParams,
  rawBody: {
    contentTypes: [...documentContentTypes, 'multipart/form-data'],
    description:
      'PDF, PNG, JPEG, WebP or plain text, judged by its bytes. Raw: name in X-Filename (percent-encoded UTF-8).',
  },
  responses: {
    201: { description: 'The stored document', schema: documentSchema },
    404: { description: 'No such patient in your clinic' },
    413: { description: 'Larger than the document limit; nothing was stored' },
    415: { description: 'Not an accepted file type; nothing was stored' },
  },
  async handle({ app, actor, params, request }) {
    const isMultipart =
      request.headers.get('content-type')?.toLowerCase().startsWith('multipart/form-data') ?? false;
    const upload = isMultipart
      ? await readMultipartFile(request).then(({ fileName, stream }) => ({ fileName, body: stream }))
      : {
          fileName: decodeFileNameHeader(request.headers.get('x-filename')),
          body: requestBodyStream(request),
          ...optionalLength(request),
        };
    const document = await uploadDocument(
      { db: app.db, storage: app.storage, maxBytes: app.config.uploads.maxDocumentBytes },
      actor,
      params.id,
      { ...upload, signal: request.signal },
    );
    return jsonResponse(201, document);
  },
});

function decodeFileNameHeader(header: string | null): string | undefined {
  if (header === null) return undefined;
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}
