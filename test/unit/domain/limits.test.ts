import fc from 'fast-check';
import { limitKey, parseLimitKey, reportLimitMessage, reportLimitsFor, REPORTS_PER_PHONE, SMS_CAPS, smsCapFor } from '../../../lib/domain/limits';
import { PRIORITIES } from '../../../lib/domain/reference';

const PHONE = '+8613912345678';

describe('report limits', () => {
  it('never limits an emergency', () => {
    expect(reportLimitsFor('emergency')).toEqual([]);
  });

  it.each(PRIORITIES.filter((p) => p !== 'emergency'))('limits a %s report per hour first, then per day', (priority) => {
    expect(reportLimitsFor(priority).map((l) => [l.limit, l.windowSeconds])).toEqual([
      [5, 3600],
      [20, 86400],
    ]);
  });

  it('keeps the daily limit a whole number of hourly ones, so a full day is not reached inside one hour', () => {
    const [hour, day] = REPORTS_PER_PHONE;
    expect(day!.windowSeconds % hour!.windowSeconds).toBe(0);
    expect(day!.limit).toBeGreaterThan(hour!.limit);
  });

  it('tells a person in plain Chinese, within one SMS segment, how long to wait', () => {
    expect(reportLimitMessage(59)).toContain('请1分钟后再试');
    expect(reportLimitMessage(61)).toContain('请2分钟后再试');
    expect(reportLimitMessage(3600)).toContain('请1小时后再试');
    expect(reportLimitMessage(3601)).toContain('请2小时后再试');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 86400 }), (seconds) => {
        expect([...reportLimitMessage(seconds)].length).toBeLessThanOrEqual(70);
      }),
    );
  });
});

describe('limit keys', () => {
  it('split back into scope and subject, whatever the subject holds', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z-]{1,20}$/), fc.string({ minLength: 1 }), (scope, subject) => {
        expect(parseLimitKey(limitKey(scope, subject))).toEqual({ scope, subject });
      }),
    );
  });

  it.each(['', 'no-scope', ':13912345678', 'reports-hour:'])('refuse %p', (key) => {
    expect(() => parseLimitKey(key)).toThrow();
  });
});

describe('smsCapFor', () => {
  it('caps report confirmations even though they are urgent, above what the report limits allow', () => {
    const cap = smsCapFor({ key: '261123-K7F3Q#received', to: PHONE, urgent: true });
    expect(cap).toEqual({ key: `sms-confirmations:${PHONE}`, limit: 30, windowSeconds: 86400 });
    const dailyReports = REPORTS_PER_PHONE.find((l) => l.windowSeconds === 86400)!.limit;
    expect(cap!.limit).toBeGreaterThan(dailyReports);
  });

  it.each([
    ['an emergency dispatch', '261123-K7F3Q#dispatch#1'],
    ['a reply to the person’s own SMS', 'reply#msg-1'],
    ['a welfare alarm', 'V123#emergency-contact'],
  ])('never caps %s', (_what, key) => {
    expect(smsCapFor({ key, to: PHONE, urgent: true })).toBeUndefined();
    expect(smsCapFor({ key, to: PHONE, urgent: true, audience: 'resident' })).toBeUndefined();
  });

  it('caps non-urgent messages to a resident at ten a day', () => {
    expect(smsCapFor({ key: '261123-K7F3Q#closed', to: PHONE, urgent: false, audience: 'resident' })).toEqual({
      key: `sms-resident:${PHONE}`,
      limit: 10,
      windowSeconds: 86400,
    });
  });

  it('gives staff, and anyone the sender cannot place, the higher cap', () => {
    const staff = smsCapFor({ key: '261123-K7F3Q#grid-check#1', to: PHONE, urgent: false, audience: 'staff' });
    const unknown = smsCapFor({ key: '261123-K7F3Q#grid-check#1', to: PHONE, urgent: false });
    expect(staff).toEqual({ key: `sms-staff:${PHONE}`, limit: 100, windowSeconds: 86400 });
    expect(unknown).toEqual(staff);
    expect(SMS_CAPS.staff.limit).toBeGreaterThan(SMS_CAPS.resident.limit);
  });

  it('counts each cap under its own scope, so staff traffic never uses up a resident’s allowance', () => {
    const scopes = Object.values(SMS_CAPS).map((c) => c.scope);
    expect(new Set(scopes).size).toBe(scopes.length);
    for (const cap of Object.values(SMS_CAPS)) expect(parseLimitKey(limitKey(cap.scope, PHONE)).scope).toBe(cap.scope);
  });
});
