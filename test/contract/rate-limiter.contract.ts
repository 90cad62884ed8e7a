import { limitKey } from '../../lib/domain/limits';
import type { RateLimiter } from '../../lib/ports/rate-limiter';

const HOUR = 3600;
const PHONE = '13912345678';

/** What every RateLimiter does (lib/ports/rate-limiter.ts): fixed windows, refusals count nothing. */
export function describeRateLimiterContract(name: string, make: () => Promise<RateLimiter>): void {
  describe(`RateLimiter contract: ${name}`, () => {
    it('allows up to the limit in a window, then refuses until the window ends, without counting refusals', async () => {
      const limiter = await make();
      const key = limitKey('sequential', PHONE);
      const start = new Date('2026-11-23T01:00:00Z');
      for (let i = 0; i < 5; i += 1) expect(await limiter.take(key, 5, HOUR, new Date(start.getTime() + i * 60_000))).toEqual({ allowed: true });
      const at = new Date('2026-11-23T01:44:30Z');
      expect(await limiter.take(key, 5, HOUR, at)).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 + 30 });
      expect(await limiter.take(key, 5, HOUR, at)).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 + 30 });
      expect(await limiter.take(key, 5, HOUR, new Date('2026-11-23T02:00:00Z'))).toEqual({ allowed: true });
    });

    it('counts exactly up to the limit when many take at once', async () => {
      const limiter = await make();
      const now = new Date('2026-11-23T03:10:00Z');
      const results = await Promise.all(Array.from({ length: 20 }, () => limiter.take(limitKey('concurrent', PHONE), 7, HOUR, now)));
      expect(results.filter((r) => r.allowed)).toHaveLength(7);
    });

    it('counts one number however it is written, and keeps numbers, scopes and window lengths apart', async () => {
      const limiter = await make();
      const now = new Date('2026-11-23T04:10:00Z');
      expect(await limiter.take(limitKey('formats', '13912345678'), 2, HOUR, now)).toEqual({ allowed: true });
      expect(await limiter.take(limitKey('formats', '+86 139 1234 5678'), 2, HOUR, now)).toEqual({ allowed: true });
      expect((await limiter.take(limitKey('formats', '+8613912345678'), 2, HOUR, now)).allowed).toBe(false);
      expect(await limiter.take(limitKey('formats', '13800138000'), 2, HOUR, now)).toEqual({ allowed: true });
      expect(await limiter.take(limitKey('formats-other', '13912345678'), 2, HOUR, now)).toEqual({ allowed: true });
      expect(await limiter.take(limitKey('formats', '13912345678'), 2, 24 * HOUR, now)).toEqual({ allowed: true });
    });

    it('turns a day window at midnight UTC (08:00 in Beijing)', async () => {
      const limiter = await make();
      const key = limitKey('day', PHONE);
      expect(await limiter.take(key, 1, 24 * HOUR, new Date('2026-11-23T23:00:00Z'))).toEqual({ allowed: true });
      expect(await limiter.take(key, 1, 24 * HOUR, new Date('2026-11-23T23:30:00Z'))).toEqual({ allowed: false, retryAfterSeconds: 30 * 60 });
      expect(await limiter.take(key, 1, 24 * HOUR, new Date('2026-11-24T00:00:00Z'))).toEqual({ allowed: true });
    });

    it('refuses everything at a limit of zero', async () => {
      const limiter = await make();
      expect(await limiter.take(limitKey('closed', PHONE), 0, HOUR, new Date('2026-11-23T05:59:59Z'))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    });
  });
}
