import { AppError } from '../errors/app-error';
import type { RateLimiter } from './rate-limiter';

/** What a request costs: `auth` may run a password hash, `ai` starts transcription or a model call. */
export type RequestCost = 'default' | 'auth' | 'ai';

export interface RequestLimits {
  ipPerMinute: number;
  userPerMinute: number;
  clinicPerMinute: number;
  authIpPerMinute: number;
  aiUserPerMinute: number;
  aiClinicPerMinute: number;
}

const windowSeconds = 60;

/**
 * Counts the request against every budget it draws on and refuses it with 429 when one is
 * spent. Every counter is hit, not only up to the first one spent, so a client that keeps
 * hammering stays limited instead of getting through whenever a window rolls over.
 */
export async function enforceRequestLimits(
  limiter: RateLimiter,
  limits: RequestLimits,
  request: { ip: string | null; cost: RequestCost; user?: { userId: string; clinicId: string } },
): Promise<void> {
  const budgets: [key: string, limit: number][] = [];
  if (request.ip) {
    budgets.push([`req:ip:${request.ip}`, limits.ipPerMinute]);
    if (request.cost === 'auth') budgets.push([`req:auth-ip:${request.ip}`, limits.authIpPerMinute]);
  }
  if (request.user) {
    budgets.push([`req:user:${request.user.userId}`, limits.userPerMinute]);
    budgets.push([`req:clinic:${request.user.clinicId}`, limits.clinicPerMinute]);
    if (request.cost === 'ai') {
      budgets.push([`req:ai-user:${request.user.userId}`, limits.aiUserPerMinute]);
      budgets.push([`req:ai-clinic:${request.user.clinicId}`, limits.aiClinicPerMinute]);
    }
  }
  const counts = await Promise.all(budgets.map(([key]) => limiter.hit(key, windowSeconds)));
  const waits = counts.flatMap((count, index) =>
    count.count > budgets[index]![1] ? [Math.max(count.resetInSeconds, 1)] : [],
  );
  if (waits.length > 0) {
    throw new AppError('rate_limited', 'Too many requests. Please wait a moment and try again.', {
      retryAfterSeconds: Math.max(...waits),
    });
  }
}
