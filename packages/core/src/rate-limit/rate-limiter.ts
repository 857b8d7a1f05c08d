/**
 * Fixed-window counters. In-process in the embedded mode, Redis in the cluster so every
 * replica sees the same counts. Redis is a cache here: if it is down the limiter allows
 * (see RedisRateLimiter) rather than locking every clinician out.
 */
export interface WindowCount {
  count: number;
  resetInSeconds: number;
}

export interface RateLimiter {
  /** The current count without changing it. */
  peek(key: string): Promise<WindowCount>;
  /** Adds one; the window starts at the first hit and lasts `windowSeconds`. */
  hit(key: string, windowSeconds: number): Promise<WindowCount>;
  reset(key: string): Promise<void>;
}
