import { COSTS, type RosterElder, type RosterVolunteer } from '../lib/domain/visits/plan-week';
import { MILLI } from '../lib/domain/matching/min-cost-assignment';
import { RosterTables } from '../lib/domain/visits/roster-tables';

/**
 * The baseline a coordinator's spreadsheet amounts to: elders in priority order (as planWeek orders
 * them, which the caller passes), each takes the cheapest volunteer block still free within range.
 * No look-back, no re-assignment. Costs are the planner's own (same tables, same distances).
 */
export function greedyWeek(weekStart: Date, elders: RosterElder[], volunteers: RosterVolunteer[]) {
  const tables = new RosterTables({ weekStart, elders, volunteers, booked: new Map(), terms: COSTS });
  const used = new Int32Array(tables.slotCount.length);
  const found: number[] = [];
  let cost = 0;
  let covered = 0;
  for (let r = 0; r < elders.length; r += 1) {
    let best = -1;
    let bestCost = Infinity;
    const n = tables.index.within(tables.elderX[r]!, tables.elderY[r]!, COSTS.maxKm, found);
    for (let k = 0; k < n; k += 1) {
      const w = found[k]!;
      const km = tables.km(r, w);
      if (used[w]! >= tables.slotCount[w]! || km > COSTS.maxKm) continue;
      const c = tables.pairCost(r, w, km) + tables.slotExtra[tables.slotStart[w]! + used[w]!]!;
      if (c < bestCost) {
        best = w;
        bestCost = c;
      }
    }
    if (best === -1) continue;
    used[best]! += 1;
    cost += bestCost;
    covered += 1;
  }
  return { covered, totalCost: cost / MILLI };
}
