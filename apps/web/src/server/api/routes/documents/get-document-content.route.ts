import { Readable } from 'node:stream';
import { formatContentDisposition } from '@healthcare/core/storage/format-content-disposition';
import { readDocument } from '@healthcare/core/documents/read-document';
import { z } from 'zod';
import { parseRange } from '../../../http/parse-range';
import { problemResponse } from '../../../http/problem';
import { defineRoute } from '../../../http/route';
import { documentContentTypes } from './upload-document.route';

const documentIdParams = z.strictObject({ id: z.uuid().describe('The document id') });
const contentQuery = z.strictObject({
  disposition: z.enum(['attachment', 'inline']).default('attachment'),
});

class UnsatisfiableRange extends Error {
  constructor(readonly size: number) {
    super('unsatisfiable range');
  }
}

export const getDocumentContentRoute = defineRoute({
  method: 'GET',
  path: '/documents/{id}/content',
  summary: 'Download a document; supports one byte range',
  tag: 'documents',
  auth: 'user',
  params: documentIdParams,
  query: contentQuery,
  responses: {
    200: { description: 'The whole document', contentTypes: documentContentTypes },
    206: { description: 'The requested byte range', contentTypes: documentContentTypes },
    404: { description: 'No such document in your clinic' },
    416: { description: 'The range starts past the end' },
  },
  async handle({ app, actor, params, query, request }) {
    let result;
    try {
      result = await readDocument({ db: app.db, storage: app.storage }, actor, params.id, (size) => {
        const range = parseRange(request.headers.get('range'), size);
        if (range === 'unsatisfiable') throw new UnsatisfiableRange(size);
        return range;
      });
    } catch (error) {
      if (!(error instanceof UnsatisfiableRange)) throw error;
      return problemResponse(416, 'The requested range starts past the end of the document.', {
        type: 'range-not-satisfiable',
        headers: { 'content-range': `bytes */${error.size}` },
      });
    }
    const { document, body, range } = result;
    const headers = new Headers({
      'content-type': document.mimeType,
      'content-length': String(range ? range.end - range.start + 1 : document.bytes),
      'accept-ranges': 'bytes',
      etag: `"${document.sha256}"`,
      'content-disposition': formatContentDisposition(
        document.fileName,
        query.disposition === 'inline' && !document.mimeType.startsWith('text/') ? 'inline' : 'attachment',
      ),
      // Nothing uploaded ever runs as a page of ours; PDFs only skip `sandbox` so the viewer can open them.
      'content-security-policy': `default-src 'none'; img-src 'self'; style-src 'unsafe-inline'${document.mimeType === 'application/pdf' ? '' : '; sandbox'}`,
    });
    if (range) headers.set('content-range', `bytes ${range.start}-${range.end}/${document.bytes}`);
    return new Response(Readable.toWeb(body) as ReadableStream, { status: range ? 206 : 200, headers });
  },
});
