import type { z } from 'zod';
import { ProviderError } from './provider-error';

/**
 * The provider's JSON body checked against its documented shape. A body that does not match is
 * most often a proxy's error page or a truncated answer, so it counts as retryable.
 */
export async function readProviderJson<T>(
  response: Response,
  schema: z.ZodType<T>,
  provider: string,
  expected: string,
): Promise<T> {
  try {
    return schema.parse(await response.json());
  } catch {
    throw new ProviderError(provider, `${provider} answered with a body that is not ${expected}.`, true);
  }
}
