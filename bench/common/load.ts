import autocannon from 'autocannon';

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were 2xx, over the whole run. */
  ok: number;
}

/**
 * `connections` clients sending the same GET back to back for `seconds`. Anything but a 2xx
 * answer (or a connection error or timeout) means the figure is not the one we meant to measure,
 * so it throws instead of returning a number.
 */
export async function measureLoad(options: {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<LoadFigures> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers ?? {},
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0 || result['2xx'] === 0) {
    throw new Error(
      `${options.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts, ${result['2xx']} answered 2xx`,
    );
  }
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result['2xx'],
  };
}

/** Request budgets far above anything a benchmark sends, so the app's limiter never shapes a figure. */
export const unlimitedRequestBudgets: Record<string, string> = Object.fromEntries(
  ['IP', 'USER', 'CLINIC', 'AUTH_IP', 'AI_USER', 'AI_CLINIC'].map((name) => [
    `RATE_LIMIT_${name}_PER_MINUTE`,
    '100000000',
  ]),
);
