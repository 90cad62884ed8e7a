import { TooManyRequestsError } from '../../../lib/errors';
import type { RateLimiter } from '../../../lib/ports/rate-limiter';
import { enforceReportLimits } from '../../../lib/use-cases/report-limits';

/** Counts in memory per key and window, as the DynamoDB adapter does, and records every take. */
function memoryLimiter(): RateLimiter & { taken: string[] } {
  const counts = new Map<string, number>();
  const taken: string[] = [];
  return {
    taken,
    async take(key, limit, windowSeconds, now) {
      taken.push(key);
      const seconds = now.getTime() / 1000;
      const window = `${key}@${Math.floor(seconds / windowSeconds)}`;
      const n = counts.get(window) ?? 0;
      if (n >= limit) return { allowed: false, retryAfterSeconds: Math.ceil((Math.floor(seconds / windowSeconds) + 1) * windowSeconds - seconds) };
      counts.set(window, n + 1);
      return { allowed: true };
    },
  };
}

const PHONE = '+8613912345678';
const at = (iso: string) => new Date(iso);

describe('enforceReportLimits', () => {
  it('refuses the sixth report within the hour with the time until the hour ends, without touching the daily count', async () => {
    const limiter = memoryLimiter();
    for (let i = 0; i < 5; i += 1) await enforceReportLimits(limiter, 'general', PHONE, at('2026-11-23T01:10:00Z'));
    limiter.taken.length = 0;
    const refused = await enforceReportLimits(limiter, 'general', PHONE, at('2026-11-23T01:40:00Z')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect((refused as TooManyRequestsError).retryAfterSeconds).toBe(20 * 60);
    expect((refused as TooManyRequestsError).message).toContain('20分钟');
    expect(limiter.taken).toEqual([`reports-hour:${PHONE}`]);
  });

  it('refuses the twenty-first report of the day even in a fresh hour', async () => {
    const limiter = memoryLimiter();
    for (let hour = 0; hour < 4; hour += 1) {
      for (let i = 0; i < 5; i += 1) await enforceReportLimits(limiter, 'utilities', PHONE, new Date(Date.parse('2026-11-23T01:00:00Z') + hour * 3600_000));
    }
    const refused = await enforceReportLimits(limiter, 'utilities', PHONE, at('2026-11-23T05:00:00Z')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    // The day window is a UTC day: it ends at 2026-11-24T00:00Z, 19 hours on.
    expect((refused as TooManyRequestsError).retryAfterSeconds).toBe(19 * 3600);
  });

  it('never counts an emergency', async () => {
    const limiter = memoryLimiter();
    for (let i = 0; i < 50; i += 1) await enforceReportLimits(limiter, 'emergency', PHONE, at('2026-11-23T01:10:00Z'));
    expect(limiter.taken).toEqual([]);
  });
});
