import type { Readable } from 'node:stream';
import { AppError } from '@healthcare/core/errors/app-error';
import busboy from 'busboy';
import { requestBodyStream } from './request-body';

/**
 * The single file of a multipart/form-data upload, as a stream (the form field must be named
 * `file`). The size limit is left to the storage, which counts every byte.
 */
export function readMultipartFile(
  request: Request,
): Promise<{ fileName: string | undefined; stream: Readable }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': request.headers.get('content-type') ?? '' },
        limits: { files: 1, fields: 20, fieldSize: 4096, parts: 25 },
        defParamCharset: 'utf8',
      });
    } catch {
      reject(new AppError('validation_failed', 'The multipart body is malformed (missing boundary).'));
      return;
    }
    let found = false;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || found) {
        stream.resume();
        return;
      }
      found = true;
      resolve({ fileName: info.filename, stream });
    });
    parser.on('error', () => {
      if (!found) reject(new AppError('validation_failed', 'The multipart body is malformed.'));
    });
    parser.on('close', () => {
      if (!found) reject(new AppError('validation_failed', 'Send the file in a form field named "file".'));
    });
    requestBodyStream(request).pipe(parser);
  });
}
