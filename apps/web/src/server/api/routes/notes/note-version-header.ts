import { AppError } from '@healthcare/core/errors/app-error';

/** `If-Match: "3"` (or `W/"3"`, or a bare 3) → 3; absent → undefined. */
export function parseIfMatchVersion(request: Request): number | undefined {
  const header = request.headers.get('if-match');
  if (header === null || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match)
    throw new AppError('validation_failed', 'If-Match must hold the note version you edited, e.g. "3".', {
      fieldErrors: [{ pointer: '/headers/if-match', detail: 'Not a note version', code: 'invalid_if_match' }],
    });
  return Number(match[1]);
}

export const versionEtag = (version: number) => ({ etag: `"${version}"` });
