import { parseSchedule } from '../../../local/schedule';

describe('parseSchedule', () => {
  it('fires a weekly cron on Sunday 20:00 Asia/Shanghai', () => {
    const s = parseSchedule('cron(0 20 ? * SUN *)', 'Asia/Shanghai');
    // Sunday 2026-11-22 20:00 in Shanghai is 12:00 UTC.
    expect(s.next(new Date('2026-11-20T00:00:00Z')).toISOString()).toBe('2026-11-22T12:00:00.000Z');
    expect(s.next(new Date('2026-11-22T12:00:00Z')).toISOString()).toBe('2026-11-29T12:00:00.000Z');
  });

  it('fires daily at 08:00 in the schedule timezone, not the machine one', () => {
    const s = parseSchedule('cron(0 8 * * ? *)', 'Asia/Shanghai');
    expect(s.next(new Date('2026-11-22T00:30:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('supports day-of-month lists (the 6th, 16th and 26th volunteer days)', () => {
    const s = parseSchedule('cron(0 9 6,16,26 * ? *)', 'Asia/Shanghai');
    expect(s.next(new Date('2026-11-17T00:00:00Z')).toISOString()).toBe('2026-11-26T01:00:00.000Z');
  });

  it('supports the n-th weekday of a month', () => {
    const s = parseSchedule('cron(0 10 ? * FRI#3 *)', 'UTC');
    expect(s.next(new Date('2026-11-01T00:00:00Z')).toISOString()).toBe('2026-11-20T10:00:00.000Z');
  });

  it('supports steps and rates', () => {
    expect(parseSchedule('cron(*/15 * * * ? *)').next(new Date('2026-11-22T10:07:00Z')).toISOString()).toBe('2026-11-22T10:15:00.000Z');
    expect(parseSchedule('rate(5 minutes)').next(new Date('2026-11-22T10:00:00Z')).toISOString()).toBe('2026-11-22T10:05:00.000Z');
  });

  it.each(['cron(0 8 * *)', 'rate(0 minutes)', 'every day', 'cron(61 8 * * ? *)'])('rejects %p', (expr) => {
    expect(() => parseSchedule(expr)).toThrow();
  });
});
