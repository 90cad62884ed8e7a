import * as z from 'zod';
import { fromShanghaiWallClock, instantOf, shanghaiWallClock } from '../calendar';

export const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
/** Volunteer days by date: the 6th, 16th and 26th of each month (逢6). */
export const MONTH_DAYS = ['6', '16', '26'] as const;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '须为 HH:mm');
export const availabilitySchema = z
  .array(
    z
      .object({ days: z.array(z.enum([...WEEKDAYS, ...MONTH_DAYS])).min(1), from: hhmm, to: hhmm })
      .strict()
      .refine((w) => w.from < w.to, { message: '结束时间须晚于开始时间', path: ['to'] }),
  )
  .min(1)
  .max(14);
export type Availability = z.infer<typeof availabilitySchema>;

export interface TimeWindow {
  start: Date;
  end: Date;
}

/** A visit takes up to two hours; a longer window holds several visits one after another. */
const BLOCK_MINUTES = 120;

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

/**
 * The visit blocks a volunteer offers in the week starting `weekStart` (Monday 00:00 Asia/Shanghai),
 * in time order: every matching weekday or 6th/16th/26th, each window cut into blocks of up to 2 h.
 */
export function blocksInWeek(availability: Availability, weekStart: Date): TimeWindow[] {
  const blocks: TimeWindow[] = [];
  for (let day = 0; day < 7; day += 1) {
    const midnight = weekStart.getTime() + day * 86400_000;
    const local = shanghaiWallClock(new Date(midnight));
    const weekday = WEEKDAYS[local.getUTCDay()]!;
    const dayOfMonth = String(local.getUTCDate());
    for (const window of availability) {
      if (!window.days.some((d) => d === weekday || d === dayOfMonth)) continue;
      for (let m = minutes(window.from); m < minutes(window.to); m += BLOCK_MINUTES) {
        const end = Math.min(m + BLOCK_MINUTES, minutes(window.to));
        if (end - m < 60) continue;
        blocks.push({ start: new Date(midnight + m * 60_000), end: new Date(midnight + end * 60_000) });
      }
    }
  }
  return blocks.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Monday 00:00 Asia/Shanghai of the week after `now` (the roster plans the coming week). */
export function nextWeekStart(now: Date): Date {
  const local = shanghaiWallClock(now);
  const daysSinceMonday = (local.getUTCDay() + 6) % 7;
  const mondayLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - daysSinceMonday + 7);
  return fromShanghaiWallClock(mondayLocal);
}

/** Monday 00:00 Asia/Shanghai of the week containing `moment`. */
export function weekStartOf(moment: Date): Date {
  return nextWeekStart(new Date(moment.getTime() - 7 * 86400_000));
}

/** A `YYYY-MM-DD` is that calendar day in Asia/Shanghai; a date-time with offset is that instant. */
export function momentOf(dateOrDateTime: string): Date {
  return new Date(instantOf(dateOrDateTime));
}

/**
 * The week a roster may plan for `weekOf` at `now`: only the current or the next Asia/Shanghai week
 * (a roster for a past or far week would page families and open welfare cases for visits that can
 * never happen). `undefined` means the next week. Returns the week's start, or `null` if not allowed.
 */
export function plannableWeek(now: Date, weekOf: string | undefined): Date | null {
  const next = nextWeekStart(now);
  if (weekOf === undefined) return next;
  const start = weekStartOf(momentOf(weekOf));
  return start.getTime() === next.getTime() || start.getTime() === weekStartOf(now).getTime() ? start : null;
}

/**
 * The week's id: the Asia/Shanghai date of its Monday, `2026-11-30` (a date, not an ISO week number such
 * as `2026-W48`); visit ids begin with it (`2026-11-30-E001`), so stored ids keep this form.
 */
export function weekId(weekStart: Date): string {
  return shanghaiWallClock(weekStart).toISOString().slice(0, 10);
}
