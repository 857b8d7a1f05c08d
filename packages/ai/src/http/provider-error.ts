/**
 * A provider failure in words an on-call engineer (and, through the encounter, a clinician) can
 * act on. `retryable` says whether trying again later can help: rate limits, outages and timeouts
 * can; bad credentials or a rejected request cannot.
 */
export class ProviderError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    readonly retryable: boolean,
    readonly extra: { status?: number; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
