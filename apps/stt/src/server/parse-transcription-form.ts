import { createWriteStream, type WriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { finished, pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { OpenAiError } from './openai-error';

export interface TranscriptionForm {
  /** Every text field by name, values in the order sent (`timestamp_granularities[]` repeats). */
  fields: Map<string, string[]>;
  /** Bytes of the `file` field, written to `uploadPath`; undefined when the form had no such field. */
  fileBytes: number | undefined;
}

const knownFields = new Set(['model', 'language', 'prompt', 'response_format', 'temperature']);

/**
 * Reads the multipart form of a transcription request, streaming the `file` field to `uploadPath`
 * (never held in memory) and stopping at `maxFileBytes` with a 413. Fields may come before or after
 * the file, as clients differ, so the whole body is read before anything is decided. On failure the
 * request is left unread (the response closes the connection) and nothing is left open on disk.
 */
export function parseTranscriptionForm(
  request: IncomingMessage,
  options: { uploadPath: string; maxFileBytes: number; signal: AbortSignal },
): Promise<TranscriptionForm> {
  return new Promise((resolve, reject) => {
    const mime = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (mime !== 'multipart/form-data') {
      reject(
        new OpenAiError(
          415,
          'Send the request as multipart/form-data, with the audio in a field named "file".',
          {
            code: 'unsupported_content_type',
          },
        ),
      );
      return;
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        // Whisper reads at most 224 prompt tokens; 16 KiB of text is far beyond any real prompt.
        limits: { files: 1, fileSize: options.maxFileBytes, fields: 20, fieldSize: 16 * 1024, parts: 30 },
        defParamCharset: 'utf8',
      });
    } catch {
      reject(new OpenAiError(400, 'The multipart body has no boundary.', { code: 'invalid_multipart' }));
      return;
    }

    const fields = new Map<string, string[]>();
    let sink: WriteStream | undefined;
    let written: Promise<void> | undefined;
    let settled = false;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      options.signal.removeEventListener('abort', onAbort);
      request.unpipe(parser);
      parser.removeAllListeners('close');
      // The file stream opens asynchronously: the caller may delete the file only once it is closed.
      sink?.destroy();
      void (sink ? finished(sink).catch(() => {}) : Promise.resolve()).then(() => reject(error));
    };
    const onAbort = () => fail(options.signal.reason);
    options.signal.addEventListener('abort', onAbort, { once: true });
    if (options.signal.aborted) onAbort();

    parser.on('file', (name, stream) => {
      if (name !== 'file' || sink || settled) {
        stream.resume();
        return;
      }
      sink = createWriteStream(options.uploadPath, { mode: 0o600 });
      stream.once('limit', () => fail(fileTooLarge(options.maxFileBytes)));
      written = pipeline(stream, sink).catch((error: unknown) => fail(error));
    });
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated && knownFields.has(name)) {
        fail(
          new OpenAiError(400, `The field "${name}" is too long.`, { code: 'invalid_value', param: name }),
        );
        return;
      }
      fields.set(name, [...(fields.get(name) ?? []), value]);
    });
    const tooManyParts = () =>
      fail(new OpenAiError(400, 'The form has too many fields.', { code: 'invalid_multipart' }));
    parser.on('fieldsLimit', tooManyParts);
    parser.on('partsLimit', tooManyParts);
    parser.on('error', () =>
      fail(
        new OpenAiError(400, 'The multipart body is malformed or incomplete.', { code: 'invalid_multipart' }),
      ),
    );
    parser.on('close', () => {
      void (written ?? Promise.resolve()).then(() => {
        if (settled) return;
        settled = true;
        options.signal.removeEventListener('abort', onAbort);
        resolve({ fields, fileBytes: sink?.bytesWritten });
      });
    });
    request.on('error', fail);
    request.pipe(parser);
  });
}

export function fileTooLarge(maxFileBytes: number): OpenAiError {
  return new OpenAiError(413, `The audio file is larger than the limit of ${formatBytes(maxFileBytes)}.`, {
    code: 'file_too_large',
    param: 'file',
  });
}

function formatBytes(bytes: number): string {
  const mebibytes = bytes / 1024 / 1024;
  return mebibytes >= 1 ? `${Number(mebibytes.toFixed(1))} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
