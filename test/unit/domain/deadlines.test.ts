import fc from 'fast-check';
import { heldPast, quietUntil } from '../../../lib/domain/deadlines';

const shanghai = (wall: string) => new Date(`${wall}+08:00`);

describe('quiet hours (22:00–07:00 Asia/Shanghai)', () => {
  it.each([
    ['2026-11-23T21:59:59', undefined],
    ['2026-11-23T22:00:00', '2026-11-24T07:00:00'],
    ['2026-11-23T23:50:00', '2026-11-24T07:00:00'],
    ['2026-11-24T03:50:00', '2026-11-24T07:00:00'],
    ['2026-11-24T06:59:59', '2026-11-24T07:00:00'],
    ['2026-11-24T07:00:00', undefined],
    ['2026-12-31T23:00:00', '2027-01-01T07:00:00'],
  ])('at %s a non-urgent message waits until %s', (at, until) => {
    expect(quietUntil(shanghai(at))).toEqual(until ? shanghai(until) : undefined);
  });

  it('holds only until the next 07:00, never longer than nine hours', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2026-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), (now) => {
        const until = quietUntil(now);
        if (!until) return;
        const wait = until.getTime() - now.getTime();
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(9 * 3600_000);
        expect(new Date(until.getTime() + 8 * 3600_000).toISOString().slice(11)).toBe('07:00:00.000Z');
      }),
    );
  });
});

describe('heldPast: would the message arrive after the time it names?', () => {
  it('a dispatch at 22:40 asking to sign by 00:40 would, one asking by 09:00 would not', () => {
    const now = shanghai('2026-11-22T22:40:00');
    expect(heldPast(shanghai('2026-11-23T00:40:00'), now)).toBe(true);
    expect(heldPast(shanghai('2026-11-23T07:00:00'), now)).toBe(true);
    expect(heldPast(shanghai('2026-11-23T09:00:00'), now)).toBe(false);
  });

  it('never in the daytime, however close the deadline', () => {
    expect(heldPast(shanghai('2026-11-23T14:00:00'), shanghai('2026-11-23T14:00:00'))).toBe(false);
    expect(heldPast(shanghai('2026-11-23T09:00:00'), shanghai('2026-11-23T21:59:00'))).toBe(false);
  });
});
