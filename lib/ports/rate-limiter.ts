/**
 * Counts events per key in fixed windows (reports per phone per hour, SMS per number per day).
 * Implementations key by a digest, never a raw phone number, and count atomically across processes.
 */
export interface RateLimiter {
  /**
   * Counts one event for `key` in the window containing `now` if fewer than `limit` were counted there;
   * when the window is full nothing is counted and `retryAfterSeconds` says when the next window opens.
   */
  take(key: string, limit: number, windowSeconds: number, now: Date): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
}
