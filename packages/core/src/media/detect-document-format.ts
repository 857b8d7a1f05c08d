import { startsWithBytes } from './starts-with-bytes';

export type DocumentFormat = 'pdf' | 'png' | 'jpeg' | 'webp' | 'text';

export interface DetectedDocument {
  format: DocumentFormat;
  mimeType: string;
  /**
   * The exact Content-Type to serve the file with, always together with `X-Content-Type-Options: nosniff`.
   * HTML, SVG and scripts are accepted only as `text`, so this value is what keeps a browser from running
   * an uploaded page in our origin; never substitute the type the uploader claimed.
   */
  contentType: string;
}

/** Text is judged on this prefix only; a binary tail past it is still served as inert text/plain. */
export const documentSniffBytes = 4096;

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The format of a patient document judged from its first bytes only. Pass the first `documentSniffBytes`
 * bytes, or the whole file when it is shorter (then a multi-byte character cut at the end is rejected).
 */
export function detectDocumentFormat(head: Uint8Array): DetectedDocument | undefined {
  // Tested first on purpose: a polyglot that starts with %PDF- is opened by viewers as a PDF, so it is one.
  if (startsWithBytes(head, '%PDF-')) return binary('pdf', 'application/pdf');
  if (startsWithBytes(head, pngSignature)) return binary('png', 'image/png');
  if (startsWithBytes(head, [0xff, 0xd8, 0xff])) return binary('jpeg', 'image/jpeg');
  if (startsWithBytes(head, 'RIFF') && startsWithBytes(head, 'WEBP', 8) && isWebpChunk(head)) {
    return binary('webp', 'image/webp');
  }
  if (isPlainText(head.subarray(0, documentSniffBytes), head.length < documentSniffBytes)) {
    return { format: 'text', mimeType: 'text/plain', contentType: 'text/plain; charset=utf-8' };
  }
  return undefined;
}

function binary(format: DocumentFormat, mimeType: string): DetectedDocument {
  return { format, mimeType, contentType: mimeType };
}

function isWebpChunk(head: Uint8Array): boolean {
  return (
    startsWithBytes(head, 'VP8 ', 12) ||
    startsWithBytes(head, 'VP8L', 12) ||
    startsWithBytes(head, 'VP8X', 12)
  );
}

/**
 * Valid UTF-8 (a BOM allowed) without NULs or control characters other than tab, LF, FF and CR. When the
 * prefix is not the whole file, it may end inside a multi-byte character; that cut is not an error.
 */
function isPlainText(prefix: Uint8Array, isWholeFile: boolean): boolean {
  if (prefix.length === 0) return false;
  let text: string;
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    text = decoder.decode(prefix, { stream: !isWholeFile });
  } catch {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    if (isForbiddenControl(text.charCodeAt(i))) return false;
  }
  return true;
}

/** C0 controls other than tab, LF, FF and CR; DEL; and the C1 controls U+0080 to U+009F. */
function isForbiddenControl(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}
