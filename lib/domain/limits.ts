import type { Priority } from './reference';

/**
 * Abuse limits keyed by phone number: how many reports one number may file, how many SMS one number
 * may receive. The figures, each with why, are explained at length in docs/limits.md. Per-IP limits
 * are not here on purpose: many residents share one carrier NAT address, so they belong to the edge
 * (the WAF rate rule), where they can be generous.
 */

/** One fixed-window counter: at most `limit` events per `windowSeconds`, counted per `scope` and number. */
export interface FixedWindowLimit {
  scope: string;
  limit: number;
  windowSeconds: number;
}

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * Reports per reporting phone. A resident walking their estate may find a pothole, a dead streetlight,
 * overflowing bins and a blocked fire lane within the hour: five covers that walk. Twenty a day is four
 * such walks, more than 12345 hotlines see from any genuine caller, and it bounds what a stranger can
 * make the system text to someone else's number (each report confirms by SMS to the number given).
 */
export const REPORTS_PER_PHONE: readonly FixedWindowLimit[] = [
  { scope: 'reports-hour', limit: 5, windowSeconds: HOUR },
  { scope: 'reports-day', limit: 20, windowSeconds: DAY },
];

/**
 * The limits a report of this priority counts against, checked in this order. Emergencies are never
 * limited: a gas leak reported a sixth time in an hour must still reach someone.
 */
export function reportLimitsFor(priority: Priority): readonly FixedWindowLimit[] {
  return priority === 'emergency' ? [] : REPORTS_PER_PHONE;
}

/**
 * The key a RateLimiter counts under: the scope, then the number. The adapter stores only a digest of
 * the part after the first `:`, so the scope stays readable and the number never reaches a key.
 */
export function limitKey(scope: string, phone: string): string {
  return `${scope}:${phone}`;
}

/** Splits a `limitKey` back into its scope and subject (the phone number). */
export function parseLimitKey(key: string): { scope: string; subject: string } {
  const at = key.indexOf(':');
  if (at <= 0 || at === key.length - 1) throw new Error('a limit key is "<scope>:<subject>"');
  return { scope: key.slice(0, at), subject: key.slice(at + 1) };
}

/** Shown with a 429 (the window's remaining time, rounded up to what a person reads). */
export function reportLimitMessage(retryAfterSeconds: number): string {
  return `该手机号提交诉求过于频繁，请${waitText(retryAfterSeconds)}后再试；如遇紧急险情请拨打110、119或120。`;
}

function waitText(seconds: number): string {
  if (seconds < HOUR) return `${Math.max(1, Math.ceil(seconds / 60))}分钟`;
  return `${Math.ceil(seconds / HOUR)}小时`;
}

/** Who an SMS is for, when the sender knows it. */
export type SmsAudience = 'resident' | 'staff';

/**
 * Per number and day, in three counters:
 * - report confirmations: they are urgent (a hotline or SMS reporter has no screen for the tracking
 *   code), and emergency reports are never refused, so without a cap of their own anyone could make
 *   the system text one number without end by filing emergency reports in its name. Thirty is above
 *   the twenty non-emergency reports a number may file, so a genuine reporter never loses one.
 * - non-urgent messages to residents: a report brings its reporter a handful (asked to rate, closed,
 *   reopened); ten a day is what a resident with two busy cases needs, and it matches the daily cap
 *   domestic providers set per number (Aliyun's default for verification codes: 1/min, 5/h, 10/day).
 * - non-urgent messages to staff, or to anyone the sender cannot place: a department's duty phone
 *   gets every dispatch, reminder and overdue notice of its cases and can pass fifty on a busy day,
 *   and a lost task SMS costs more than an extra one; a hundred only stops a runaway loop.
 * Urgent messages (emergencies, welfare alarms, replies to someone's own SMS) are never capped.
 */
export const SMS_CAPS = {
  reportConfirmations: { scope: 'sms-confirmations', limit: 30, windowSeconds: DAY },
  resident: { scope: 'sms-resident', limit: 10, windowSeconds: DAY },
  staff: { scope: 'sms-staff', limit: 100, windowSeconds: DAY },
} as const satisfies Record<string, FixedWindowLimit>;

/** The business key of a report's confirmation SMS ends so (`261123-K7F3Q#received`, see submit-case). */
const REPORT_CONFIRMATION_KEY = /#received$/;

export interface SmsCap {
  /** Pass to RateLimiter.take as is. */
  key: string;
  limit: number;
  windowSeconds: number;
}

/**
 * The cap an outgoing SMS counts against, or `undefined` when it is never capped. The sender takes one
 * unit from the RateLimiter before publishing and drops (records, does not send) a message that finds
 * its cap full; a message the cap refused is not retried, as the provider's own cap would refuse it too.
 */
export function smsCapFor(message: { key: string; to: string; urgent: boolean; audience?: SmsAudience }): SmsCap | undefined {
  const cap = REPORT_CONFIRMATION_KEY.test(message.key)
    ? SMS_CAPS.reportConfirmations
    : message.urgent
      ? undefined
      : message.audience === 'resident'
        ? SMS_CAPS.resident
        : SMS_CAPS.staff;
  return cap && { key: limitKey(cap.scope, message.to), limit: cap.limit, windowSeconds: cap.windowSeconds };
}
