import type { ApiProblem, FieldProblem } from '../api/api-problem';

/** Messages a form gives for some codes of its own fields, ahead of the shared ones: field → code → text. */
export type FieldMessages = Record<string, Record<string, string>>;

/**
 * The `errors` messages by key (`network`, `codes.too_small`, `fields.email.invalid_format`);
 * undefined for a key that has no message, such as a code the API added later.
 */
export type ErrorText = (key: string) => string | undefined;

export interface ProblemDescription {
  /** Localized message per form field, keyed by field name. */
  fieldErrors: Record<string, string>;
  /** For everything that belongs to no field of this form. */
  message: string | undefined;
}

/**
 * Puts each of the API's field errors next to the form field its pointer names, in the reader's
 * language when we know the code, otherwise in the API's own (English) words.
 */
export function describeProblem(
  problem: ApiProblem,
  fields: readonly string[],
  text: ErrorText,
  formMessages: FieldMessages = {},
): ProblemDescription {
  const fieldErrors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const error of problem.errors) {
    const field = error.pointer.split('/')[1] ?? '';
    const message = fieldMessage(error, field, text, formMessages);
    // One message per field is enough to fix it; later ones for the same field would only add noise.
    if (fields.includes(field)) fieldErrors[field] ??= message;
    else unplaced.push(field ? `${field}: ${message}` : message);
  }
  const placedAny = Object.keys(fieldErrors).length > 0;
  const message =
    unplaced.length > 0
      ? unplaced.join(' ')
      : placedAny
        ? (text('checkFields') ?? problem.detail)
        : generalMessage(problem, text);
  return { fieldErrors, message };
}

/** One sentence for a failure outside any form (loading a list, deleting): field errors included. */
export function describeFailure(problem: ApiProblem, text: ErrorText): string {
  return describeProblem(problem, [], text).message ?? problem.detail;
}

function fieldMessage(
  error: FieldProblem,
  field: string,
  text: ErrorText,
  formMessages: FieldMessages,
): string {
  return (
    formMessages[field]?.[error.code] ??
    text(`fields.${field}.${error.code}`) ??
    text(`codes.${error.code}`) ??
    error.detail
  );
}

// Failures no field explains, by HTTP status; other 4xx keep the API's own detail.
const statusKeys: Partial<Record<number, string>> = {
  0: 'network',
  403: 'forbidden',
  404: 'notFound',
  429: 'rateLimited',
  503: 'unavailable',
};

function generalMessage(problem: ApiProblem, text: ErrorText): string {
  const key = statusKeys[problem.status] ?? (problem.status >= 500 ? 'unexpected' : undefined);
  return (key && text(key)) || problem.detail;
}
