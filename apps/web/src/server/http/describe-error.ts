/**
 * What may be logged about an unexpected error. Database errors carry the failed query's
 * parameters and key values in their message and detail, which can be patient data, so
 * only their class, SQLSTATE and stack frames are kept.
 */
export function describeErrorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const cause = (error as { cause?: unknown }).cause;
  const fields = error as Error & {
    code?: unknown;
    syscall?: unknown;
    constraint?: unknown;
    routine?: unknown;
  };
  const isSystemError = typeof fields.syscall === 'string';
  return {
    type: error.name,
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(typeof fields.constraint === 'string' ? { constraint: fields.constraint } : {}),
    ...(isSystemError ? { message: error.message } : {}),
    frames: error.stack
      ?.split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .slice(0, 12),
    ...(cause instanceof Error ? { cause: describeErrorForLog(cause) } : {}),
  };
}

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08'))) return true;
    // pg's errors without a code: a pool that cannot connect in time, a connection cut mid-query,
    // and a query sent on a connection already known to be cut (a restart racing a checkout).
    if (
      /timeout exceeded when trying to connect|Connection terminated|is not queryable/i.test(current.message)
    )
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
