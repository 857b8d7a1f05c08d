/** One error for every way a put can notice its signal, so callers can test `error.name === 'AbortError'`. */
export function createAbortError(signal: AbortSignal): Error {
  const error = new Error('The operation was aborted.', { cause: signal.reason });
  error.name = 'AbortError';
  return error;
}
