import { AppError } from '../errors/app-error';
import { ObjectTooLargeError, StorageUnavailableError } from '../storage/object-storage';

/** Storage failures in the words of the person uploading. */
export function toUploadError(error: unknown, what: string): unknown {
  if (error instanceof ObjectTooLargeError) {
    return new AppError(
      'payload_too_large',
      `${what} is larger than the limit of ${formatBytes(error.maxBytes)}.`,
    );
  }
  if (error instanceof StorageUnavailableError) {
    return new AppError(
      'unavailable',
      'File storage is temporarily unavailable. Please try again in a moment.',
      {
        retryAfterSeconds: 5,
      },
    );
  }
  return error;
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

export function tooLargeBeforeReading(
  declaredBytes: number | undefined,
  maxBytes: number,
  what: string,
): void {
  if (declaredBytes !== undefined && declaredBytes > maxBytes) {
    throw new AppError('payload_too_large', `${what} is larger than the limit of ${formatBytes(maxBytes)}.`);
  }
}
