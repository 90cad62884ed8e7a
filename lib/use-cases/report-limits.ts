import { limitKey, reportLimitMessage, reportLimitsFor } from '../domain/limits';
import type { Priority } from '../domain/reference';
import { TooManyRequestsError } from '../errors';
import { log } from '../log';
import type { RateLimiter } from '../ports/rate-limiter';

/**
 * Counts a person's report (public API, hotline, partner systems posting in a resident's name) against
 * each limit of its priority, in order; the first full window refuses it with 429 and the time until
 * that window ends. A case the system opens on someone's behalf (openCaseOnBehalf) never counts: a
 * refused workflow task would only retry. Call it after the request is known valid (a 400 must not
 * use up a resident's quota) and before anything is written (a refused report leaves nothing behind).
 */
export async function enforceReportLimits(limiter: RateLimiter, priority: Priority, phone: string, now: Date): Promise<void> {
  for (const limit of reportLimitsFor(priority)) {
    const taken = await limiter.take(limitKey(limit.scope, phone), limit.limit, limit.windowSeconds, now);
    if (!taken.allowed) {
      log.info('report refused: limit reached', { scope: limit.scope, retryAfterSeconds: taken.retryAfterSeconds });
      throw new TooManyRequestsError(reportLimitMessage(taken.retryAfterSeconds), taken.retryAfterSeconds);
    }
  }
}
