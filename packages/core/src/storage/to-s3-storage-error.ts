import { ObjectNotFoundError, RangeNotSatisfiableError, StorageUnavailableError } from './object-storage';

// Node's codes for a peer that cannot be reached or went away mid-request.
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
]);

interface SdkErrorShape {
  name?: string;
  code?: string;
  cause?: unknown;
  errors?: unknown[];
  $metadata?: { httpStatusCode?: number };
}

const networkCodeOf = (error: SdkErrorShape): boolean =>
  (error.code !== undefined && networkCodes.has(error.code)) ||
  // Node wraps the attempts at each address of a dual-stack host (localhost) in an AggregateError.
  (error.errors ?? []).some((inner) => typeof inner === 'object' && inner !== null && networkCodeOf(inner)) ||
  (typeof error.cause === 'object' && error.cause !== null && networkCodeOf(error.cause));

/** S3's answers in the storage's own terms; `key` is the object the request was about, if any. */
export function toS3StorageError(error: unknown, key?: string): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const sdkError = error as SdkErrorShape;
  const status = sdkError.$metadata?.httpStatusCode;
  // NotFound is what a HEAD gets: it has no body to name the error.
  if (key !== undefined && (sdkError.name === 'NoSuchKey' || sdkError.name === 'NotFound')) {
    return new ObjectNotFoundError(key);
  }
  if (sdkError.name === 'InvalidRange' || status === 416) return new RangeNotSatisfiableError(undefined);
  if (
    networkCodeOf(sdkError) ||
    sdkError.name === 'TimeoutError' ||
    sdkError.name === 'RequestTimeout' ||
    (status !== undefined && status >= 500)
  ) {
    return new StorageUnavailableError({ cause: error });
  }
  return error;
}
