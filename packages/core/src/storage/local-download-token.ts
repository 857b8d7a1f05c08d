import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ObjectStorageError } from './object-storage';
import { validateObjectKey } from './validate-object-key';

export interface LocalDownload {
  key: string;
  fileName: string | undefined;
  contentType: string | undefined;
}

export class InvalidDownloadTokenError extends ObjectStorageError {
  constructor() {
    super('The download link is invalid or has expired.');
  }
}

// Keeps these signatures apart from anything else the same secret might ever sign.
const purpose = 'healthcare.local-download.v1';
// Far above any real token (key ≤ 512 characters plus a file name); bounds the work per request.
const maxTokenLength = 4096;

const payloadSchema = z.object({
  k: z.string(),
  e: z.number().int(),
  f: z.string().optional(),
  t: z.string().optional(),
});

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`${purpose}.${payload}`).digest();

/** `<base64url JSON payload>.<base64url HMAC-SHA256>`: the local driver's stand-in for an S3 presigned URL. */
export function signLocalDownloadToken(
  secret: string,
  download: LocalDownload,
  expiresAtSeconds: number,
): string {
  const payload = Buffer.from(
    JSON.stringify({ k: download.key, e: expiresAtSeconds, f: download.fileName, t: download.contentType }),
  ).toString('base64url');
  return `${payload}.${sign(secret, payload).toString('base64url')}`;
}

/** Throws InvalidDownloadTokenError on a bad signature, a malformed token or an expired one. */
export function verifyLocalDownloadToken(secret: string, token: string, now = Date.now()): LocalDownload {
  const parts = token.length <= maxTokenLength ? token.split('.') : [];
  const [payload, signature] = parts;
  if (parts.length !== 2 || !payload || !signature) throw new InvalidDownloadTokenError();
  // Compared as text, not decoded bytes: base64url decoding ignores a last character's spare bits.
  const expected = Buffer.from(sign(secret, payload).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new InvalidDownloadTokenError();
  }
  let parsed: z.infer<typeof payloadSchema>;
  try {
    parsed = payloadSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    validateObjectKey(parsed.k);
  } catch {
    throw new InvalidDownloadTokenError();
  }
  if (parsed.e * 1000 <= now) throw new InvalidDownloadTokenError();
  return { key: parsed.k, fileName: parsed.f, contentType: parsed.t };
}
