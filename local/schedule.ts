/**
 * EventBridge schedule expressions (`rate(…)`, `cron(min hour dom month dow year)`) evaluated in a
 * timezone, for the local scheduler. Supports `*`, `?`, lists, ranges, steps, month and day names and
 * `DAY#n` (the n-th weekday of the month); AWS numbers days 1 (SUN) to 7 (SAT).
 */
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const RATE_UNITS: Record<string, number> = { minute: 60, minutes: 60, hour: 3600, hours: 3600, day: 86400, days: 86400 };

type Matcher = (value: number) => boolean;

function field(spec: string, min: number, max: number, names: string[] = [], namesStartAt = min): Matcher {
  if (spec === '*' || spec === '?') return () => true;
  const toNumber = (token: string) => {
    const i = names.indexOf(token.toUpperCase());
    const n = i >= 0 ? i + namesStartAt : Number(token);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`bad cron value "${token}"`);
    return n;
  };
  const allowed = new Set<number>();
  for (const part of spec.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    const [from, to] = range === '*' ? [min, max] : range!.includes('-') ? range!.split('-').map(toNumber) : [toNumber(range!), stepText ? max : toNumber(range!)];
    for (let v = from!; v <= to!; v += step) allowed.add(v);
  }
  return (value) => allowed.has(value);
}

interface WallClock {
  minute: number;
  hour: number;
  day: number;
  month: number;
  weekday: number;
}

function wallClock(at: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { minute: Number(parts.minute), hour: Number(parts.hour), day: Number(parts.day), month: Number(parts.month), weekday: DAYS.indexOf(String(parts.weekday).toUpperCase()) + 1 };
}

export interface Schedule {
  /** The first firing strictly after `after`. */
  next(after: Date): Date;
}

export function parseSchedule(expression: string, timeZone = 'UTC'): Schedule {
  const rate = /^rate\((\d+)\s+(\w+)\)$/.exec(expression.trim());
  if (rate) {
    const seconds = Number(rate[1]) * (RATE_UNITS[rate[2]!] ?? NaN);
    if (!(seconds > 0)) throw new Error(`bad rate expression ${expression}`);
    return { next: (after) => new Date(after.getTime() + seconds * 1000) };
  }
  const cron = /^cron\((.+)\)$/.exec(expression.trim());
  const fields = cron?.[1]!.trim().split(/\s+/);
  if (!fields || fields.length !== 6) throw new Error(`bad schedule expression ${expression}`);
  const [min, hour, dom, month, dow] = fields as [string, string, string, string, string];
  const minute = field(min, 0, 59);
  const hours = field(hour, 0, 23);
  const days = field(dom, 1, 31);
  const months = field(month, 1, 12, MONTHS, 1);
  const nth = /^(\w+)#(\d)$/.exec(dow);
  const weekday = nth ? field(nth[1]!, 1, 7, DAYS, 1) : field(dow, 1, 7, DAYS, 1);
  const dayMatches = (w: WallClock) => months(w.month) && days(w.day) && weekday(w.weekday) && (!nth || Math.ceil(w.day / 7) === Number(nth[2]));
  return {
    next(after) {
      let t = Math.floor(after.getTime() / 60_000) * 60_000 + 60_000;
      for (let guard = 0; guard < 200_000; guard += 1) {
        const w = wallClock(new Date(t), timeZone);
        if (!dayMatches(w)) t += (24 * 60 - (w.hour * 60 + w.minute)) * 60_000;
        else if (!hours(w.hour)) t += (60 - w.minute) * 60_000;
        else if (!minute(w.minute)) t += 60_000;
        else return new Date(t);
      }
      throw new Error(`schedule ${expression} never fires`);
    },
  };
}
