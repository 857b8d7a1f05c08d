import type { CircuitBreaker } from './circuit-breaker';
import { ProviderError } from './provider-error';

export interface CallPolicy {
  provider: string;
  timeoutMs: number;
  /** Extra attempts after the first, for 429, 5xx, timeouts and connection errors. */
  retries: number;
  /** The longest wait a Retry-After may impose before we give up and let the job retry later. */
  maxRetryAfterMs: number;
  /** Shared by every call to one provider, so a provider that keeps failing is paused. */
  breaker?: CircuitBreaker;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/**
 * One HTTP call to an AI provider with a timeout per attempt and retries with jittered
 * exponential backoff, honouring Retry-After. Returns the successful response; anything else
 * becomes a ProviderError that says whether a later retry may help.
 */
export function callProvider(
  policy: CallPolicy,
  makeRequest: (signal: AbortSignal) => Promise<Response>,
  outerSignal?: AbortSignal,
): Promise<Response> {
  const attempt = () => callWithRetries(policy, makeRequest, outerSignal);
  return policy.breaker
    ? policy.breaker.run(attempt, (error) => error instanceof ProviderError && error.retryable)
    : attempt();
}

async function callWithRetries(
  policy: CallPolicy,
  makeRequest: (signal: AbortSignal) => Promise<Response>,
  outerSignal?: AbortSignal,
): Promise<Response> {
  let lastError: ProviderError | undefined;
  for (let attempt = 0; attempt <= policy.retries; attempt += 1) {
    const signal = outerSignal
      ? AbortSignal.any([outerSignal, AbortSignal.timeout(policy.timeoutMs)])
      : AbortSignal.timeout(policy.timeoutMs);
    let response: Response;
    try {
      response = await makeRequest(signal);
    } catch (error) {
      if (outerSignal?.aborted) throw outerSignal.reason;
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      lastError = new ProviderError(
        policy.provider,
        timedOut
          ? `${policy.provider} did not answer within ${Math.round(policy.timeoutMs / 1000)} s.`
          : `${policy.provider} could not be reached.`,
        true,
      );
      await backoff(attempt, undefined);
      continue;
    }
    if (response.ok) return response;
    const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
    const detail = await errorDetail(response);
    const retryable = response.status === 429 || response.status === 408 || response.status >= 500;
    lastError = new ProviderError(
      policy.provider,
      describeStatus(policy.provider, response.status, detail),
      retryable,
      {
        status: response.status,
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      },
    );
    if (!retryable) throw lastError;
    if (retryAfterSeconds !== undefined && retryAfterSeconds * 1000 > policy.maxRetryAfterMs) throw lastError;
    await backoff(attempt, retryAfterSeconds);
  }
  throw lastError ?? new ProviderError(policy.provider, `${policy.provider} failed.`, true);

  async function backoff(attempt: number, retryAfterSeconds: number | undefined) {
    if (attempt >= policy.retries) return;
    const exponential = 500 * 2 ** attempt;
    const wait =
      retryAfterSeconds !== undefined
        ? retryAfterSeconds * 1000
        : exponential / 2 + Math.random() * (exponential / 2);
    await sleep(wait, outerSignal);
  }
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** The provider's own error message, if its body has one, shortened; never the request. */
async function errorDetail(response: Response): Promise<string | undefined> {
  try {
    const text = (await response.text()).slice(0, 2000);
    const parsed = JSON.parse(text) as {
      error?: { message?: unknown } | string;
      message?: unknown;
      err_msg?: unknown;
    };
    const message =
      typeof parsed.error === 'object'
        ? parsed.error?.message
        : (parsed.error ?? parsed.message ?? parsed.err_msg);
    return typeof message === 'string' ? message.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

function describeStatus(provider: string, status: number, detail: string | undefined): string {
  const reason =
    status === 401 || status === 403
      ? 'rejected our credentials; check the API key'
      : status === 404
        ? 'does not know this endpoint or model; check the base URL and model name'
        : status === 429
          ? 'is rate limiting us'
          : status >= 500
            ? 'is failing'
            : 'refused the request';
  return `${provider} ${reason} (HTTP ${status})${detail ? `: ${detail}` : ''}.`;
}
