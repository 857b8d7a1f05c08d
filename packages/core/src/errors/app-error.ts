/** What went wrong, in terms the HTTP edge maps to a status code; domain code never speaks HTTP. */
export type AppErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'precondition_failed'
  | 'unavailable';

export interface FieldError {
  /** JSON Pointer (RFC 6901) to the offending field, e.g. `/birthDate`. */
  pointer: string;
  detail: string;
  code: string;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** Safe to show to the person who made the request: no patient data, no SQL, no internals. */
    message: string,
    readonly extra: {
      fieldErrors?: FieldError[];
      retryAfterSeconds?: number;
      /** Extra members of the problem document (RFC 9457 §3.2), e.g. the missing chunk numbers. */
      members?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
