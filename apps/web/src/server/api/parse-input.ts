import { AppError } from '@healthcare/core/errors/app-error';
import { zodIssuesToFieldErrors } from '@healthcare/core/errors/zod-issues-to-field-errors';
import type { z } from 'zod';

export function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('validation_failed', 'Some fields are missing or invalid. See `errors` for each one.', {
    fieldErrors: zodIssuesToFieldErrors(parsed.error.issues),
  });
}

export function parseQuery<T>(schema: z.ZodType<T>, searchParams: URLSearchParams): T {
  const parsed = schema.safeParse(Object.fromEntries(searchParams));
  if (parsed.success) return parsed.data;
  throw new AppError('validation_failed', 'Some query parameters are invalid. See `errors` for each one.', {
    fieldErrors: zodIssuesToFieldErrors(parsed.error.issues, ['query']),
  });
}

/** A malformed id cannot name an existing resource, so it is a 404 like any unknown id. */
export function parseParams<T>(schema: z.ZodType<T>, params: Record<string, string>): T {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  throw new AppError('not_found', 'The requested resource was not found.');
}
