import { z } from 'zod';
import { toShanghaiIso } from '../../domain/case';
import { nextWeekStart, weekId as weekIdOf } from '../../domain/visits/availability';
import { planWeek } from '../../domain/visits/plan-week';
import type { Visit } from '../../domain/visits/visit';
import { visitSms } from '../../domain/visits/visit-sms';
import { log } from '../../log';
import { notifyOnce } from '../notify';
import { recipients } from '../case/recipients';
import type { VisitDeps } from './deps';

export const rosterInput = z.object({
  /** Any moment in the week to plan; by default the week after now. */
  weekOf: z.coerce.date().optional(),
});

/**
 * The weekly roster: plans the coming week's visits (see plan-week.ts), keeps everything already
 * booked, books each new visit with its volunteer's block in one conditional write (so a second run,
 * even a concurrent one, books nothing twice), starts one workflow per visit, and tells each grid
 * worker how many of their elders could not be covered. Output carries ids and counts only.
 */
export async function runWeeklyRoster(deps: VisitDeps, input: z.infer<typeof rosterInput>) {
  const now = deps.clock.now();
  // The Sunday-evening run plans the coming week; an explicit `weekOf` plans the week containing it.
  const weekStart = input.weekOf ? nextWeekStart(new Date(input.weekOf.getTime() - 7 * 86400_000)) : nextWeekStart(now);
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
  const byGrid = new Map<string, number>();
  for (const u of plan.uncovered) byGrid.set(u.gridId, (byGrid.get(u.gridId) ?? 0) + 1);
  for (const [gridId, count] of byGrid) {
    const phone = await recipients(deps).gridWorker(gridId);
    if (phone) await notifyOnce(deps, { key: `roster#${weekId}#${gridId}#${count}`, to: phone, text: visitSms.rosterUncovered(weekId, count), urgent: false });
  }
  log.info('weekly roster', { weekId, planned, kept: booked.length, uncovered: plan.uncovered.length });
  return { weekId, planned, kept: booked.length, uncovered: plan.uncovered.map(({ elderId, gridId, reason }) => ({ elderId, gridId, reason })), totalCost: plan.totalCost };
}
