import { ProviderError } from './provider-error';

/**
 * Stops calling a provider that keeps failing: after `failureThreshold` failures in a row every
 * call fails at once for `cooldownMs` (jobs retry later instead of piling up timeouts), then one
 * trial call decides whether it closes again.
 */
export type CircuitBreaker = ReturnType<typeof createCircuitBreaker>;

export function createCircuitBreaker(
  provider: string,
  options: { failureThreshold: number; cooldownMs: number },
) {
  let consecutiveFailures = 0;
  let openUntil = 0;
  let trialInFlight = false;

  return {
    async run<T>(call: () => Promise<T>, isFailure: (error: unknown) => boolean): Promise<T> {
      const now = Date.now();
      const open = consecutiveFailures >= options.failureThreshold;
      if (open && (now < openUntil || trialInFlight)) {
        throw new ProviderError(
          provider,
          `${provider} failed ${consecutiveFailures} times in a row, so calls are paused for a moment; they resume automatically.`,
          true,
          { retryAfterSeconds: Math.max(1, Math.ceil((openUntil - now) / 1000)) },
        );
      }
      if (open) trialInFlight = true;
      try {
        const result = await call();
        consecutiveFailures = 0;
        return result;
      } catch (error) {
        if (isFailure(error)) {
          consecutiveFailures += 1;
          if (consecutiveFailures >= options.failureThreshold) openUntil = Date.now() + options.cooldownMs;
        }
        throw error;
      } finally {
        trialInFlight = false;
      }
    },
  };
}
