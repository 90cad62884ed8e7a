import * as z from 'zod';

/** True when `y-m-d` names a day that exists (no 13th month, no 30 February). */
function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Exactly `YYYY-MM-DD`, a day that exists. */
export const calendarDaySchema = z.string().refine((s) => {
  const m = DAY.exec(s);
  return !!m && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}, '须为真实日期，格式 YYYY-MM-DD，如 2026-11-23');

/** A day (`2026-11-23`) or an instant with its offset (`2026-11-23T09:00:00+08:00`) that exists. */
export const dayOrInstantSchema = z.string().refine((s) => {
  const m = DAY.exec(s) ?? DATE_TIME.exec(s);
  return !!m && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}, '须为真实日期或带时区的时间，如 2026-11-23 或 2026-11-23T09:00:00+08:00');

/** The instant a day or date-time stands for; a bare day is its start in Asia/Shanghai. */
export function instantOf(dayOrInstant: string): number {
  return Date.parse(DAY.test(dayOrInstant) ? startOfShanghaiDay(dayOrInstant) : dayOrInstant);
}

/*
 * Asia/Shanghai has kept UTC+8 all year since 1991, so its wall time is a fixed shift of UTC; it is
 * written here once, and every rule that reads or writes a local time, day or week goes through it.
 */
const SHANGHAI_OFFSET = '+08:00';
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The instant shifted so that its UTC fields (getUTCHours, getUTCDate…) read Asia/Shanghai wall time. */
export function shanghaiWallClock(at: Date): Date {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS);
}

/** The instant at which Asia/Shanghai wall time reads `wallMs` (a `Date.UTC(...)` of local fields). */
export function fromShanghaiWallClock(wallMs: number): Date {
  return new Date(wallMs - SHANGHAI_OFFSET_MS);
}

/** ISO-8601 with the Asia/Shanghai offset, as residents and staff read times: `2026-11-23T09:00:00+08:00`. */
export function toShanghaiIso(at: Date): string {
  return `${shanghaiWallClock(at).toISOString().replace(/\.\d{3}Z$/, '')}${SHANGHAI_OFFSET}`;
}

/** The Asia/Shanghai day (`2026-11-23`) of an instant written in ISO-8601. */
export function shanghaiDay(iso: string): string {
  return toShanghaiIso(new Date(iso)).slice(0, 10);
}

/** Midnight starting an Asia/Shanghai day, written with its offset: `2026-11-23T00:00:00+08:00`. */
export function startOfShanghaiDay(day: string): string {
  return `${day}T00:00:00${SHANGHAI_OFFSET}`;
}
