import { AppError } from '@healthcare/core/errors/app-error';

/**
 * Reads a JSON body without ever buffering more than `maxBytes`: a declared oversize body is
 * refused before reading, an undeclared one as soon as it crosses the limit.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declaredLength = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declaredLength > maxBytes) throw tooLarge(maxBytes);
  const contentType = request.headers.get('content-type');
  // Without Content-Length or Transfer-Encoding a request has no body (RFC 9112 §6.3): a plain
  // DELETE, for instance, on a route whose body is optional.
  const bodyless = !request.headers.has('content-length') && !request.headers.has('transfer-encoding');
  if (!request.body || declaredLength === 0 || bodyless) {
    if (contentType && !isJson(contentType)) throw notJson();
    return {};
  }
  if (!contentType || !isJson(contentType)) throw notJson();

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  if (received === 0) return {};
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(Buffer.concat(chunks));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('validation_failed', 'The request body is not valid JSON.');
  }
}

function isJson(contentType: string): boolean {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  return (
    mediaType === 'application/json' ||
    (mediaType?.startsWith('application/') && mediaType.endsWith('+json')) === true
  );
}

const notJson = () => new AppError('unsupported_media_type', 'Send the request body as application/json.');
const tooLarge = (maxBytes: number) =>
  new AppError('payload_too_large', `The request body is larger than the limit of ${maxBytes} bytes.`);
