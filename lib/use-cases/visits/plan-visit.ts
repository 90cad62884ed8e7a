import { CHECK_IN_GRACE_MINUTES } from '../../domain/visits/visit';
import type { VisitIdInput } from '../../contracts/tasks/visit';
import type { Ports } from '../ports';
import { loadVisit } from './visit-record';

export type PlanVisitDeps = Pick<Ports, 'visits' | 'clock'>;

export interface VisitPlan {
  dayBeforeAt: string;
  shortlyBeforeAt: string;
  checkInSeconds: number;
}

/** When the workflow reminds (a day and two hours before) and how long it waits for the check-in. */
export async function planVisit(deps: PlanVisitDeps, input: VisitIdInput): Promise<VisitPlan> {
  const visit = await loadVisit(deps, input.visitId);
  const start = Date.parse(visit.windowStart);
  const deadline = Date.parse(visit.windowEnd) + CHECK_IN_GRACE_MINUTES * 60_000;
  return {
    dayBeforeAt: new Date(start - 24 * 3600_000).toISOString(),
    shortlyBeforeAt: new Date(start - 2 * 3600_000).toISOString(),
    // The wait for check-in starts two hours before (or now, if that has passed).
    checkInSeconds: Math.max(60, Math.round((deadline - Math.max(deps.clock.now().getTime(), start - 2 * 3600_000)) / 1000)),
  };
}
