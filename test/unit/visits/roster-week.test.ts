import { momentOf, plannableWeek, weekId } from '../../../lib/domain/visits/availability';

describe('the weeks a roster may plan (Asia/Shanghai weeks)', () => {
  // Monday 23 Nov 2026, 09:00 in Shanghai.
  const now = new Date('2026-11-23T01:00:00Z');
  const week = (weekOf: string | undefined) => {
    const start = plannableWeek(now, weekOf);
    return start && weekId(start);
  };

  it('plans next week by default', () => {
    expect(week(undefined)).toBe('2026-11-30');
  });

  it.each([
    ['2026-11-23', '2026-11-23'],
    ['2026-11-29', '2026-11-23'],
    ['2026-11-30', '2026-11-30'],
    ['2026-12-06', '2026-11-30'],
    ['2026-12-06T23:59:59+08:00', '2026-11-30'],
  ])('takes %s as the week of %s', (weekOf, expected) => {
    expect(week(weekOf)).toBe(expected);
  });

  it.each(['2026-11-22', '2026-11-10', '2026-12-07', '9999-01-01', '1970-01-01', '2026-12-06T16:00:00Z'])('refuses %s', (weekOf) => {
    expect(week(weekOf)).toBeNull();
  });

  it('reads a bare date as that day in Shanghai', () => {
    expect(momentOf('2026-11-30').toISOString()).toBe('2026-11-29T16:00:00.000Z');
  });

  it('on Sunday evening (the schedule) next week is the one starting the next morning', () => {
    const sundayEvening = new Date('2026-11-29T12:00:00Z');
    expect(weekId(plannableWeek(sundayEvening, undefined)!)).toBe('2026-11-30');
    expect(plannableWeek(sundayEvening, '2026-11-23')).not.toBeNull();
    expect(plannableWeek(sundayEvening, '2026-11-16')).toBeNull();
  });
});
