// Lone surrogates would make encodeURIComponent throw.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266, RFC 8187). An
 * attachment unless the caller asks for `inline`, which it does only for types a browser shows
 * without running anything (PDF, images); uploaded text is never inline. Control characters and
 * path separators become `_`; the plain `filename` is an ASCII fallback for old clients, without
 * `%`, which some of them would decode.
 */
export function formatContentDisposition(
  fileName: string | undefined,
  kind: 'attachment' | 'inline' = 'attachment',
): string {
  const cleaned = (fileName ?? '')
    .replace(loneSurrogate, '\uFFFD')
    .replace(/[\p{Cc}/\\]/gu, '_')
    .trim();
  if (cleaned === '') return kind;
  const fallback = cleaned.replace(/[^\x20-\x7e]|["%]/g, '_');
  const encoded = encodeURIComponent(cleaned).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
