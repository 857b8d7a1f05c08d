import { AppError, type AppErrorCode } from '@healthcare/core/errors/app-error';
import type { Logger } from '@healthcare/core/logging/create-logger';
import { problemResponse } from './problem';
import { describeErrorForLog, isDatabaseUnavailable } from './describe-error';
import { ObjectNotFoundError, StorageUnavailableError } from '@healthcare/core/storage/object-storage';

const statusByCode: Record<AppErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

/** The only place errors become HTTP: known errors keep their message, anything else is a logged 500. */
export function errorToProblem(error: unknown, logger: Logger): Response {
  if (error instanceof AppError) {
    const headers = new Headers();
    if (error.extra.retryAfterSeconds !== undefined)
      headers.set('retry-after', String(error.extra.retryAfterSeconds));
    if (error.code === 'unauthenticated') headers.set('www-authenticate', 'Bearer');
    return problemResponse(statusByCode[error.code], error.message, {
      type: error.code.replaceAll('_', '-'),
      headers,
      ...(error.extra.fieldErrors ? { errors: error.extra.fieldErrors } : {}),
      ...(error.extra.members ? { members: error.extra.members } : {}),
    });
  }
  if (error instanceof ObjectNotFoundError) {
    // A row whose file is gone (deleted out of band): the person sees a plain not-found.
    logger.warn({ err: describeErrorForLog(error) }, 'stored object missing');
    return problemResponse(404, 'The file is no longer available.', { type: 'not-found' });
  }
  if (error instanceof StorageUnavailableError) {
    logger.error({ err: describeErrorForLog(error) }, 'object storage unavailable');
    return problemResponse(503, 'File storage is temporarily unavailable. Please try again in a moment.', {
      type: 'unavailable',
      headers: { 'retry-after': '5' },
    });
  }
  if (isDatabaseUnavailable(error)) {
    logger.error({ err: describeErrorForLog(error) }, 'database unavailable');
    return problemResponse(503, 'The service is temporarily unavailable. Please try again in a moment.', {
      type: 'unavailable',
      headers: { 'retry-after': '5' },
    });
  }
  logger.error({ err: describeErrorForLog(error) }, 'unhandled error');
  return problemResponse(500, 'Something went wrong on our side. The error was logged; please try again.', {
    type: 'internal',
  });
}
