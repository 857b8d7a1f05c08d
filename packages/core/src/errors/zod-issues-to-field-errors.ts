import type { z } from 'zod';
import type { FieldError } from './app-error';

export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** One entry per bad field; unknown keys become one entry each so the client sees exactly what to remove. */
export function zodIssuesToFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[] = [],
): FieldError[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        pointer: toJsonPointer([...prefix, ...issue.path, key]),
        detail: 'This field is not allowed.',
        code: 'unknown_field',
      }));
    }
    return [
      {
        pointer: toJsonPointer([...prefix, ...issue.path]),
        detail: humanize(issue),
        code: issue.code === 'custom' ? String(issue.params?.code ?? 'invalid') : issue.code,
      },
    ];
  });
}

function humanize(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'This field is required.';
  const message = issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}
