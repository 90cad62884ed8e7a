import { solveOverAllPairs, type OptimalityCertificate, type PairSource } from '../matching/column-generation';
import { PotentialGrid } from '../matching/potential-grid';
import { PointIndex } from '../matching/spatial-index';
import { SparseRowsBuilder, type SparseRows } from '../matching/sparse-rows';
import type { TimeWindow } from './availability';
import { MILLI } from '../matching/min-cost-assignment';
import { RosterTables } from './roster-tables';
import { RISK_TIERS, VISIT_EVERY_DAYS, type RosterElder, type RosterVolunteer } from './roster-people';

export { RISK_TIERS, VISIT_EVERY_DAYS, type RiskTier, type RosterElder, type RosterVolunteer } from './roster-people';

export interface PlannedVisit {
  elderId: string;
  volunteerId: string;
  backupVolunteerId?: string;
  window: TimeWindow;
  cost: number;
}

export interface RosterPlan {
  visits: PlannedVisit[];
  uncovered: Array<{ elderId: string; gridId: string; reason: 'no-volunteer-nearby' | 'no-free-slot' }>;
  totalCost: number;
  /** Why the plan is optimal over every pair within range, not just the candidates it started from. */
  certificate: OptimalityCertificate;
}

/** What a pairing costs, in km-equivalents. Documented in the README. */
export const COSTS = {
  perKm: 1,
  languageMismatch: 5,
  genderMismatch: 3,
  outsideGridOrTeam: 2,
  previousVisitor: -4,
  /** The k-th visit a volunteer makes in a week costs k × this more: load is spread fairly. */
  perExtraVisit: 1.5,
  /**
   * Volunteers each elder starts with (the cheapest of the nearest, and the previous visitor);
   * pricing adds any other who could lower the cost, so this sets speed, not the answer.
   */
  candidates: 12,
  maxKm: 8,
};

export function isDue(elder: RosterElder, weekStart: Date): boolean {
  if (!elder.lastVisitAt) return true;
  const days = (weekStart.getTime() - Date.parse(elder.lastVisitAt)) / 86400_000;
  return days + 7 > VISIT_EVERY_DAYS[elder.riskTier];
}

/** Who is planned first when there is not enough for everyone: higher risk, then longest unvisited. */
function priorityOrder(a: RosterElder, b: RosterElder): number {
  const tier = RISK_TIERS.indexOf(a.riskTier) - RISK_TIERS.indexOf(b.riskTier);
  if (tier !== 0) return tier;
  return (a.lastVisitAt ?? '').localeCompare(b.lastVisitAt ?? '') || a.elderId.localeCompare(b.elderId);
}

/** The elders due a visit in the week, in the order they are covered when there is not enough for everyone. */
export function dueInPriorityOrder(elders: RosterElder[], weekStart: Date): RosterElder[] {
  return elders.filter((e) => isDue(e, weekStart)).sort(priorityOrder);
}

/**
 * Plans one week of companionship visits as an exact minimum-cost assignment of due elders to
 * volunteer time blocks (see min-cost-assignment.ts). Availability is a hard constraint (only offered
 * blocks exist), a volunteer's cap bounds their blocks, blocks already booked are not offered again,
 * and each block holds one visit, so nobody is double-booked. Every visit gets as its backup the
 * cheapest other candidate who is not visiting anyone else at that hour. Elders who cannot be covered
 * are returned, never dropped.
 *
 * Exact over every volunteer within COSTS.maxKm, not just the candidates it starts from: the
 * candidate plan is priced against all pairs and re-solved until nothing is missing (see
 * column-generation.ts); the certificate says how much that took.
 */
export function planWeek(input: {
  weekStart: Date;
  elders: RosterElder[];
  volunteers: RosterVolunteer[];
  /** Blocks already booked this week (kept as they are), by volunteer. */
  booked: Map<string, Date[]>;
  /** Volunteers each elder starts with; `Infinity` starts from everyone within range. */
  candidates?: number;
}): RosterPlan {
  const due = dueInPriorityOrder(input.elders, input.weekStart);
  const tables = new RosterTables({ weekStart: input.weekStart, elders: due, volunteers: input.volunteers, booked: input.booked, terms: COSTS });
  const candidates = candidateRows(tables, input.candidates ?? COSTS.candidates);
  const { result, rows, certificate } = solveOverAllPairs(candidates, tables.slots, pairsWithin(tables));

  const uncovered: RosterPlan['uncovered'] = [];
  // A backup is called when the visit's own volunteer does not come: someone visiting another elder
  // at that hour (planned now, or booked before) cannot be it.
  // Booked blocks are known by their start (`booked`): one starting within the visit's window clashes.
  const busy = new Map<number, Array<{ startMs: number; endMs: number }>>();
  const busyWith = (w: number, startMs: number, endMs: number) => busy.set(w, [...(busy.get(w) ?? []), { startMs, endMs }]);
  due.forEach((_, r) => {
    const slot = result.columnOfRow[r]!;
    if (slot === -1) return;
    const { start, end } = tables.window(slot);
    busyWith(tables.slotVolunteer[slot]!, start.getTime(), end.getTime());
  });
  const bookedOf = (w: number) => input.booked.get(input.volunteers[tables.volunteerOf[w]!]!.volunteerId) ?? [];
  const freeDuring = (w: number, { start, end }: TimeWindow) =>
    !(busy.get(w) ?? []).some((b) => b.startMs < end.getTime() && start.getTime() < b.endMs) &&
    !bookedOf(w).some((b) => b.getTime() >= start.getTime() && b.getTime() < end.getTime());

  const visits: PlannedVisit[] = [];
  due.forEach((elder, r) => {
    const slot = result.columnOfRow[r]!;
    if (slot === -1) {
      uncovered.push({ elderId: elder.elderId, gridId: elder.gridId, reason: candidates.start[r + 1]! > candidates.start[r]! ? 'no-free-slot' : 'no-volunteer-nearby' });
      return;
    }
    const primary = tables.slotVolunteer[slot]!;
    const window = tables.window(slot);
    let backup = -1;
    let backupCost = Infinity;
    let cost = 0;
    for (let e = rows.start[r]!; e < rows.start[r + 1]!; e += 1) {
      const column = rows.column[e]!;
      if (column === slot) cost = rows.cost[e]!;
      const w = tables.slotVolunteer[column]!;
      const pair = rows.cost[e]! - tables.slotExtra[column]!;
      if (w !== primary && pair < backupCost && freeDuring(w, window)) {
        backup = w;
        backupCost = pair;
      }
    }
    visits.push({
      elderId: elder.elderId,
      volunteerId: input.volunteers[tables.volunteerOf[primary]!]!.volunteerId,
      ...(backup !== -1 ? { backupVolunteerId: input.volunteers[tables.volunteerOf[backup]!]!.volunteerId } : {}),
      window,
      cost: cost / MILLI,
    });
  });
  return { visits, uncovered, totalCost: result.totalCost / MILLI, certificate };
}

/**
 * Each elder's cheapest `limit` volunteers among the 3 × `limit` nearest within range, and the
 * previous visitor. Cheapest rather than nearest: a mismatch of language or gender outweighs a few
 * km, and each pair the start misses costs a pricing round to find.
 */
function candidateRows(tables: RosterTables, limit: number): SparseRows {
  const builder = new SparseRowsBuilder();
  const found: number[] = [];
  // Each volunteer found, keyed cost first and position second, so a plain numeric sort orders them.
  let keys = new Float64Array(256);
  const addVolunteer = (w: number, pair: number) => {
    for (let s = tables.slotStart[w]!; s < tables.slotStart[w]! + tables.slotCount[w]!; s += 1) builder.add(s, pair + tables.slotExtra[s]!);
  };
  for (let r = 0; r < tables.elderX.length; r += 1) {
    const x = tables.elderX[r]!;
    const y = tables.elderY[r]!;
    const n = limit === Infinity ? tables.index.within(x, y, COSTS.maxKm, found) : tables.index.around(x, y, 3 * limit, COSTS.maxKm, found);
    if (n > keys.length) keys = new Float64Array(2 * n);
    let inRange = 0;
    for (let k = 0; k < n; k += 1) {
      const km = tables.km(r, found[k]!);
      if (km <= COSTS.maxKm) keys[inRange++] = tables.pairCost(r, found[k]!, km) * POSITIONS + k;
    }
    const chosen = keys.subarray(0, inRange);
    if (inRange > limit) chosen.sort();
    const previous = tables.elderPrevious[r]!;
    let previousListed = previous === -1;
    for (let i = 0; i < Math.min(inRange, limit); i += 1) {
      const k = ((chosen[i]! % POSITIONS) + POSITIONS) % POSITIONS;
      const w = found[k]!;
      if (w === previous) previousListed = true;
      addVolunteer(w, (chosen[i]! - k) / POSITIONS);
    }
    if (!previousListed) {
      const km = tables.km(r, previous);
      if (km <= COSTS.maxKm) addVolunteer(previous, tables.pairCost(r, previous, km));
    }
    builder.endRow();
  }
  return builder.build();
}

/** Room for the position of a volunteer found around an elder, below a cost in a sort key. */
const POSITIONS = 2 ** 20;

/**
 * Every (elder, slot) pair within range that could cost less than `below + v_slot`. A volunteer other
 * than the previous visitor (who is always a candidate) costs at least their distance in
 * thousandths, less half a thousandth of rounding, plus `costFloorOfStrangers` (0 today: no other
 * term is negative), plus the slot's extra. So volunteer w can only matter within
 * (below + max over w's slots of (v_s − extra_s) − floor + 0.5) / 1000 km, v_s ≤ 0: the potential
 * grid rules out whole cells by that bound and then each volunteer by their own.
 */
const WIDE_DISC_KM = 2;

function pairsWithin(tables: RosterTables): PairSource {
  const found: number[] = [];
  let elderIndex: PointIndex | undefined;
  const floor = tables.costFloorOfStrangers;
  const grid = new PotentialGrid(tables.volunteerX, tables.volunteerY, 1);
  // A hair of slack on every distance, so rounding in the plane never rules out a pair in reach.
  const reaches = (km: number, below: number, allowance: number) => (km - 1e-6) * MILLI - 0.5 + floor < below + allowance;
  return {
    usePotentials(v) {
      grid.refresh((w) => {
        let best = -Infinity;
        for (let s = tables.slotStart[w]!; s < tables.slotStart[w]! + tables.slotCount[w]!; s += 1) best = Math.max(best, v[s]! - tables.slotExtra[s]!);
        return best;
      });
    },
    forEachRowNear(slot, visit) {
      elderIndex ??= new PointIndex(tables.elderX, tables.elderY);
      const w = tables.slotVolunteer[slot]!;
      const n = elderIndex.within(tables.volunteerX[w]!, tables.volunteerY[w]!, COSTS.maxKm, found);
      for (let k = 0; k < n; k += 1) visit(found[k]!);
    },
    forEachPair(r, below, visit) {
      let weighed = 0;
      const x = tables.elderX[r]!;
      const y = tables.elderY[r]!;
      const offer = (w: number) => {
        const km = tables.km(r, w);
        if (km > COSTS.maxKm) return;
        weighed += tables.slotCount[w]!;
        if (below !== Infinity && !reaches(km, below, grid.pointAllowance[w]!)) return;
        const pair = tables.pairCost(r, w, km);
        for (let s = tables.slotStart[w]!; s < tables.slotStart[w]! + tables.slotCount[w]!; s += 1) visit(s, pair + tables.slotExtra[s]!);
      };
      const radius = below === Infinity ? COSTS.maxKm : Math.min(COSTS.maxKm, (below + grid.highestAllowance - floor + 0.5) / MILLI + 1e-6);
      if (radius < 0) return 0;
      // A small disc is cut closest by the kd-tree; a wide one (deep potentials) by the grid's cells.
      if (radius <= WIDE_DISC_KM || below === Infinity) {
        const n = tables.index.within(x, y, radius, found);
        for (let k = 0; k < n; k += 1) offer(found[k]!);
      } else {
        grid.forEachCandidate(x, y, radius, (km, allowance) => reaches(km, below, allowance), offer);
      }
      return weighed;
    },
  };
}
