import type { ProviderError } from '../http/provider-error';

/** The error a provider call ends with; fails the test if it succeeds instead. */
export async function failureOf(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    return error as ProviderError;
  }
  throw new Error('expected the call to fail');
}
