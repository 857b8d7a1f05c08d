import { InvalidObjectKeyError } from './object-storage';

// Generous for generated keys (`clinics/<uuid>/audio/<uuid>/0001.webm`), far below S3's 1,024
// bytes and any filesystem's path limit once joined to the storage directory.
const maxKeyLength = 512;
// A segment is a file or folder name on local disk: 255 bytes at most, less the sidecar suffix.
const maxSegmentLength = 200;
// Only characters that mean the same on every filesystem and need no escaping in a URL; `~` is
// kept out so the local driver can name its temp folder and sidecars without colliding with a key.
const segmentPattern = /^[A-Za-z0-9._-]+$/;

/** Returns the key's segments, or throws InvalidObjectKeyError. */
export function validateObjectKey(key: string): string[] {
  if (typeof key !== 'string' || key.length === 0) throw new InvalidObjectKeyError('empty');
  if (key.length > maxKeyLength) throw new InvalidObjectKeyError(`longer than ${maxKeyLength} characters`);
  const segments = key.split('/');
  for (const segment of segments) {
    if (segment === '') throw new InvalidObjectKeyError('empty segment or leading or trailing slash');
    if (segment === '.' || segment === '..') throw new InvalidObjectKeyError('relative segment');
    if (segment.length > maxSegmentLength) {
      throw new InvalidObjectKeyError(`segment longer than ${maxSegmentLength} characters`);
    }
    if (!segmentPattern.test(segment)) throw new InvalidObjectKeyError('characters outside [A-Za-z0-9._-]');
  }
  return segments;
}

/** A prefix is a key's leading segments and a trailing `/`, so `clinics/a/` never matches `clinics/ab/`. */
export function validateObjectPrefix(prefix: string): string[] {
  if (typeof prefix !== 'string' || !prefix.endsWith('/')) {
    throw new InvalidObjectKeyError('a prefix must end with a slash');
  }
  return validateObjectKey(prefix.slice(0, -1));
}

/** For drivers that read names back from disk: anything else there is theirs, not an object. */
export function isObjectKeySegment(name: string): boolean {
  return name !== '.' && name !== '..' && name.length <= maxSegmentLength && segmentPattern.test(name);
}
