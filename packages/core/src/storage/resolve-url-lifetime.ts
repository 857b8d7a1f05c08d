// SigV4 presigned URLs cannot live longer than 7 days; the local driver keeps the same bound.
const maxLifetimeSeconds = 7 * 24 * 3600;

export function resolveUrlLifetime(requested: number | undefined, configured: number): number {
  const seconds = requested ?? configured;
  if (!Number.isSafeInteger(seconds) || seconds < 1 || seconds > maxLifetimeSeconds) {
    throw new RangeError(`A download URL must live between 1 and ${maxLifetimeSeconds} seconds.`);
  }
  return seconds;
}
