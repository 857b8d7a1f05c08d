import { Readable } from 'node:stream';
import { AppError } from '@healthcare/core/errors/app-error';
import { formatContentDisposition } from '@healthcare/core/storage/format-content-disposition';
import { verifyLocalDownloadToken, type LocalDownload } from '@healthcare/core/storage/local-download-token';
import { z } from 'zod';
import { defineRoute } from '../../../http/route';

const invalidLink = () => new AppError('not_found', 'This download link is invalid or has expired.');

export const downloadFileRoute = defineRoute({
  method: 'GET',
  path: '/files/{token}',
  summary: 'Follow a short-lived download link (local storage; with S3 the links point at S3 itself)',
  tag: 'files',
  // The signed, expiring token is the credential, as with an S3 presigned URL.
  auth: 'none',
  params: z.strictObject({ token: z.string().min(1).max(4096) }),
  responses: {
    200: { description: 'The object', contentTypes: ['application/octet-stream'] },
    404: { description: 'The link is invalid, expired, or the object is gone' },
  },
  async handle({ app, params }) {
    if (app.storage.driver !== 'local') throw invalidLink();
    let download: LocalDownload;
    try {
      download = verifyLocalDownloadToken(app.downloadSigningSecret, params.token);
    } catch {
      throw invalidLink();
    }
    const object = await app.storage.get(download.key);
    return new Response(Readable.toWeb(object.body) as ReadableStream, {
      headers: {
        'content-type': download.contentType ?? object.contentType ?? 'application/octet-stream',
        'content-length': String(object.size),
        'content-disposition': formatContentDisposition(download.fileName),
        'content-security-policy': "default-src 'none'; sandbox",
      },
    });
  },
});
