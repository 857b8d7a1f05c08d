const defaultContentType = 'application/octet-stream';
// A media type with parameters, in visible ASCII: it ends up in an HTTP header, where a CR or LF
// would split the response.
const contentTypePattern = /^[\x21-\x7e]+\/[\x21-\x7e]+( *; *[\x21-\x7e]+)*$/;

export function resolveContentType(contentType: string | undefined): string {
  if (contentType === undefined) return defaultContentType;
  if (contentType.length > 255 || !contentTypePattern.test(contentType)) {
    throw new TypeError('Invalid content type.');
  }
  return contentType;
}
