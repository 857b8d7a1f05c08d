import type { Dictionary } from '../i18n/dictionary';
import type { ApiProblem, FieldProblem } from '../api/api-problem';

/** Messages a form gives for some codes of its own fields, ahead of the dictionary's: field → code → text. */
export type FieldMessages = Record<string, Record<string, string>>;

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
  t: Dictionary,
  formMessages: FieldMessages = {},
): ProblemDescription {
  const fieldErrors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const error of problem.errors) {
    const field = error.pointer.split('/')[1] ?? '';
    const text = fieldMessage(error, field, t, formMessages);
    // One message per field is enough to fix it; later ones for the same field would only add noise.
    if (fields.includes(field)) fieldErrors[field] ??= text;
    else unplaced.push(field ? `${field}: ${text}` : text);
  }
  const placedAny = Object.keys(fieldErrors).length > 0;
  const message =
    unplaced.length > 0 ? unplaced.join(' ') : placedAny ? t.errors.checkFields : generalMessage(problem, t);
  return { fieldErrors, message };
}

/** One sentence for a failure outside any form (loading a list, deleting): field errors included. */
export function problemMessage(problem: ApiProblem, t: Dictionary): string {
  return describeProblem(problem, [], t).message ?? problem.detail;
}

function fieldMessage(
  error: FieldProblem,
  field: string,
  t: Dictionary,
  formMessages: FieldMessages,
): string {
  const forField = (t.errors.fields as Partial<FieldMessages>)[field];
  const byCode = t.errors.codes as Partial<Record<string, string>>;
  return formMessages[field]?.[error.code] ?? forField?.[error.code] ?? byCode[error.code] ?? error.detail;
}

function generalMessage(problem: ApiProblem, t: Dictionary): string {
  if (problem.status === 0) return t.errors.network;
  if (problem.status === 403) return t.errors.forbidden;
  if (problem.status === 404) return t.errors.notFound;
  if (problem.status === 429) return t.errors.rateLimited;
  if (problem.status === 503) return t.errors.unavailable;
  if (problem.status >= 500) return t.errors.unexpected;
  return problem.detail;
}
