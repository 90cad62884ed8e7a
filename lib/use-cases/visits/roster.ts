import type { RosterInput } from '../../contracts/tasks/weekly-roster';
import { toShanghaiIso } from '../../domain/case';
import { nextWeekStart, plannableWeek, weekId as weekIdOf, weekStartOf } from '../../domain/visits/availability';
import { planWeek } from '../../domain/visits/plan-week';
import { CHECK_IN_GRACE_MINUTES, type Visit } from '../../domain/visits/visit';
import { visitSms } from '../../domain/visits/visit-sms';
import { ValidationError } from '../../errors';
import { log } from '../../log';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';
import { gridWorkerPhone } from '../staff-phones';

/** The week to plan, or a 400 naming `weekOf`: checked where a roster is started and again where it runs. */
export function rosterWeek(now: Date, weekOf: string | undefined): Date {
  const weekStart = plannableWeek(now, weekOf);
  if (weekStart) return weekStart;
  const thisWeek = weekIdOf(weekStartOf(now));
  const lastDay = weekIdOf(new Date(nextWeekStart(now).getTime() + 6 * 86400_000));
  throw new ValidationError('只能为本周或下周排班', { weekOf: `须为本周或下周内的日期（${thisWeek} 至 ${lastDay}）` });
}

export type WeeklyRosterDeps = Pick<Ports, 'visits' | 'workflows' | 'reference' | 'outbox' | 'clock'>;

/**
 * The weekly roster: plans the coming week's visits (see plan-week.ts), keeps everything already
 * booked, books each new visit with its volunteer's block in one conditional write (so a second run,
 * even a concurrent one, books nothing twice), starts one workflow per visit, and tells each grid
 * worker how many of their elders could not be covered. Output carries ids and counts only.
 */
export async function runWeeklyRoster(deps: WeeklyRosterDeps, input: RosterInput) {
  const now = deps.clock.now();
  const weekStart = rosterWeek(now, input.weekOf);
  const weekId = weekIdOf(weekStart);
  const [elders, volunteers, booked] = await Promise.all([deps.visits.elders(), deps.visits.volunteers(), deps.visits.bookedInWeek(weekId)]);
  const alreadyPlanned = new Set(booked.map((b) => b.elderId));
  const bookedBlocks = new Map<string, Date[]>();
  for (const b of booked) bookedBlocks.set(b.volunteerId, [...(bookedBlocks.get(b.volunteerId) ?? []), new Date(b.windowStart)]);

  const plan = planWeek({ weekStart, elders: elders.filter((e) => !alreadyPlanned.has(e.elderId)), volunteers, booked: bookedBlocks });
  const elderGrid = new Map(elders.map((e) => [e.elderId, e.gridId]));
  let planned = 0;
  for (const p of plan.visits) {
    const visit: Visit = {
      visitId: `${weekId}-${p.elderId}`,
      weekId,
      elderId: p.elderId,
      gridId: elderGrid.get(p.elderId)!,
      volunteerId: p.volunteerId,
      ...(p.backupVolunteerId ? { backupVolunteerId: p.backupVolunteerId } : {}),
      windowStart: toShanghaiIso(p.window.start),
      windowEnd: toShanghaiIso(p.window.end),
      status: 'scheduled',
      version: 1,
    };
    if (await deps.visits.book(visit)) planned += 1;
    // Started even when already booked: a run that died after booking still gets its workflow.
    await deps.workflows.start('companion-visit', visit.visitId, { visitId: visit.visitId });
  }
  const restarted = await restartMissingWorkflows(deps, booked, now);
  const byGrid = new Map<string, number>();
  for (const u of plan.uncovered) byGrid.set(u.gridId, (byGrid.get(u.gridId) ?? 0) + 1);
  for (const [gridId, count] of byGrid) {
    const phone = await gridWorkerPhone(deps, gridId);
    if (phone) await notifyOnce(deps, { key: `roster#${weekId}#${gridId}#${count}`, to: phone, text: visitSms.rosterUncovered(weekId, count), urgent: false });
  }
  log.info('weekly roster', { weekId, planned, kept: booked.length, restarted, uncovered: plan.uncovered.length });
  return { weekId, planned, kept: booked.length, restarted, uncovered: plan.uncovered.map(({ elderId, gridId, reason }) => ({ elderId, gridId, reason })), totalCost: plan.totalCost };
}

/**
 * A visit booked by an earlier run that died before starting its workflow has no reminders and no
 * welfare alarm: a re-run starts it (by name, so never twice). Only visits still ahead are started;
 * a workflow started after its window would raise a welfare alarm for a visit nobody was told about.
 */
async function restartMissingWorkflows(deps: Pick<Ports, 'visits' | 'workflows'>, booked: Array<{ visitId: string }>, now: Date): Promise<number> {
  let restarted = 0;
  for (const { visitId } of booked) {
    if (await deps.workflows.describe('companion-visit', visitId)) continue;
    const visit = await deps.visits.visit(visitId);
    if (!visit || (visit.status !== 'scheduled' && visit.status !== 'reminded')) continue;
    if (Date.parse(visit.windowEnd) + CHECK_IN_GRACE_MINUTES * 60_000 <= now.getTime()) continue;
    await deps.workflows.start('companion-visit', visitId, { visitId });
    restarted += 1;
  }
  return restarted;
}
