import { parseLimitKey } from '../../../lib/domain/limits';
import type { RateLimiter } from '../../../lib/ports/rate-limiter';
import { phoneKey } from './phone-key';

/** Fixed windows since the epoch, one counter per scope, number and window; a refusal counts nothing. */
export class FakeRateLimiter implements RateLimiter {
  readonly counters = new Map<string, number>();

  async take(key: string, limit: number, windowSeconds: number, now: Date): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
    if (!Number.isInteger(windowSeconds) || windowSeconds < 1) throw new RangeError(`windowSeconds must be a positive integer, got ${windowSeconds}`);
    const nowSeconds = now.getTime() / 1000;
    const window = Math.floor(nowSeconds / windowSeconds);
    const refused = { allowed: false as const, retryAfterSeconds: Math.max(1, Math.ceil((window + 1) * windowSeconds - nowSeconds)) };
    const { scope, subject } = parseLimitKey(key);
    const counter = `${scope}#${phoneKey(subject)}#${windowSeconds}#${window}`;
    const n = this.counters.get(counter) ?? 0;
    if (n >= limit) return refused;
    this.counters.set(counter, n + 1);
    return { allowed: true };
  }
}
