import type { RateLimiter, WindowCount } from './rate-limiter';

export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; expiresAt: number }>();

  const current = (key: string) => {
    const entry = windows.get(key);
    if (entry && entry.expiresAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return entry;
  };
  const toCount = (entry: { count: number; expiresAt: number } | undefined): WindowCount =>
    entry
      ? { count: entry.count, resetInSeconds: Math.ceil((entry.expiresAt - now()) / 1000) }
      : { count: 0, resetInSeconds: 0 };

  return {
    peek: async (key) => toCount(current(key)),
    async hit(key, windowSeconds) {
      const entry = current(key) ?? { count: 0, expiresAt: now() + windowSeconds * 1000 };
      entry.count += 1;
      windows.set(key, entry);
      if (windows.size > 100_000) sweep();
      return toCount(entry);
    },
    reset: async (key) => {
      windows.delete(key);
    },
  };

  // Bounds memory under a flood of distinct keys (many IPs or emails).
  function sweep() {
    for (const [key, entry] of windows) if (entry.expiresAt <= now()) windows.delete(key);
  }
}
