/**
 * Sign-in throttling by account and by client address. After a few failures in a row,
 * each further attempt must wait a delay that doubles with every failure, up to a cap, so
 * guessing is slow but a real user is never locked out for good.
 */
export const THROTTLE = {
  windowMinutes: 15,
  freeFailuresPerAccount: 5,
  freeFailuresPerAddress: 20,
  maxDelaySeconds: 15 * 60,
} as const;

/** Seconds to wait after `failures` consecutive failures, the last at `lastFailureAt` (ms). */
export function throttleWaitSeconds(failures: number, free: number, lastFailureAt: number | null, now: number): number {
  if (failures < free || lastFailureAt === null) return 0;
  const delay = Math.min(THROTTLE.maxDelaySeconds, 2 ** (failures - free));
  const waited = (now - lastFailureAt) / 1000;
  return Math.max(0, Math.ceil(delay - waited));
}
