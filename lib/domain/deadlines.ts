import { fromShanghaiWallClock, shanghaiWallClock } from './calendar';
import type { Priority } from './reference';

/** Hours a grid worker has to reach the site, by priority. */
export const GRID_CHECK_HOURS: Record<Priority, number> = { emergency: 0.5, utilities: 2, general: 24, complex: 24 };
/** Beijing 12345: online requests are accepted within 2 hours; emergencies within 30 minutes here. */
export const ACCEPT_HOURS: Record<Priority, number> = { emergency: 0.5, utilities: 2, general: 2, complex: 2 };

/*
 * The waits below are written as literals in workflows/*.asl.yml (a state machine definition is static
 * JSON, and the local engine reads the same file), each with a comment naming its constant here;
 * test/unit/workflows/durations.test.ts holds every such literal equal to the constant it names.
 */
/** A grid worker has a day to verify a department's resolution. */
export const VERIFY_HOURS = 24;
/** The resident has three days to rate the outcome. */
export const FEEDBACK_HOURS = 72;
/** The centre has three days to decide on a case reopened twice. */
export const CENTRE_REVIEW_HOURS = 72;
/** After a deadline has passed, the centre is reminded again this often until someone acts. */
export const OVERDUE_REPEAT_HOURS = 24;
/** After a visit's check-in grace, the backup and the grid worker have this long before the welfare alarm. */
export const REACH_THE_ELDER_MINUTES = 30;
/** A visit not checked out this long after check-in is credited as it stands. */
export const CHECK_OUT_HOURS = 4;
/** A grid worker has three days to vet a submitted wish before being reminded. */
export const WISH_VET_HOURS = 72;
/** A fulfilled wish waits this long for the grid worker's confirmation, then the wait starts over. */
export const WISH_CONFIRM_DAYS = 7;
/** A workflow that failed for good waits this long for the centre to repair and resume it. */
export const ATTENTION_HOLD_DAYS = 7;
/** However late a case is handed over, a department gets at least this long to resolve it. */
const MIN_RESOLVE_SECONDS = 4 * 3600;

/**
 * The resolution clock, split where the department is reminded: at half of the time left and at 80%,
 * then escalation at the due time. Whole seconds, each at least 1, for the workflow's timeouts.
 */
export interface ResolutionPlan {
  halfSeconds: number;
  eightySeconds: number;
  finalSeconds: number;
}

export function resolutionPlan(dueAt: Date, now: Date): ResolutionPlan {
  const total = Math.max(Math.round((dueAt.getTime() - now.getTime()) / 1000), MIN_RESOLVE_SECONDS);
  const half = Math.round(total * 0.5);
  const eighty = Math.round(total * 0.8);
  return { halfSeconds: Math.max(half, 1), eightySeconds: Math.max(eighty - half, 1), finalSeconds: Math.max(total - eighty, 1) };
}

export const seconds = (hours: number) => Math.max(1, Math.round(hours * 3600));

/** 22:00–07:00 Asia/Shanghai: only urgent messages go out; the rest wait for the morning. */
export function quietUntil(now: Date): Date | undefined {
  const shanghai = shanghaiWallClock(now);
  const hour = shanghai.getUTCHours();
  if (hour >= 7 && hour < 22) return undefined;
  const morning = fromShanghaiWallClock(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate(), 7));
  return hour >= 22 ? new Date(morning.getTime() + 24 * 3600_000) : morning;
}

/**
 * Whether a non-urgent message written at `now` would be held by quiet hours until `deadline` or later:
 * then a text naming that deadline would reach its reader already stale, so it is written without it.
 */
export function heldPast(deadline: Date, now: Date): boolean {
  const morning = quietUntil(now);
  return morning !== undefined && morning.getTime() >= deadline.getTime();
}

/**
 * Once the district (兜底) holds a case nobody accepts, it is whistled at most this often: the case
 * stays on the district's and the centre's worklists meanwhile, so a day apart tells no one anything new.
 */
export const DISTRICT_WHISTLE_SECONDS = 86400;
