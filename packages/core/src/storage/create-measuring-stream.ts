import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { ObjectTooLargeError, type StoredObject } from './object-storage';

export interface MeasuringStream extends Transform {
  /** Size and SHA-256 of everything that passed; call once, after the stream ended. */
  measured(): StoredObject;
}

/**
 * Passes bytes through while hashing and counting them, and fails as soon as they exceed
 * `maxBytes`, so an oversized body is refused before it is written in full anywhere.
 */
export function createMeasuringStream(maxBytes: number | undefined): MeasuringStream {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (maxBytes !== undefined && size > maxBytes) {
        callback(new ObjectTooLargeError(maxBytes));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  return Object.assign(stream, { measured: () => ({ size, sha256: hash.digest('hex') }) });
}
