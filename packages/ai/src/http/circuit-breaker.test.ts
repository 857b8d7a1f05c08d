import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from './circuit-breaker';
import { ProviderError } from './provider-error';

const failing = () => Promise.reject(new ProviderError('P', 'down', true));
const isFailure = (error: unknown) => error instanceof ProviderError && error.retryable;

describe('circuit breaker', () => {
  it('should open after repeated failures, fail fast while open, and close after a good trial call', async () => {
    const breaker = createCircuitBreaker('The model server', { failureThreshold: 3, cooldownMs: 100 });
    let calls = 0;
    const counted = () => {
      calls += 1;
      return failing();
    };
    for (let attempt = 0; attempt < 3; attempt += 1)
      await expect(breaker.run(counted, isFailure)).rejects.toThrow('down');
    await expect(breaker.run(counted, isFailure)).rejects.toThrow(/paused/);
    expect(calls).toBe(3);

    await new Promise((resolve) => setTimeout(resolve, 120));
    await expect(breaker.run(async () => 'ok', isFailure)).resolves.toBe('ok');
    await expect(breaker.run(async () => 'again', isFailure)).resolves.toBe('again');
  });

  it('should not count failures that are the caller’s fault', async () => {
    const breaker = createCircuitBreaker('P', { failureThreshold: 1, cooldownMs: 10_000 });
    const rejected = () => Promise.reject(new ProviderError('P', 'bad request', false));
    await expect(breaker.run(rejected, isFailure)).rejects.toThrow('bad request');
    await expect(breaker.run(async () => 'ok', isFailure)).resolves.toBe('ok');
  });
});
