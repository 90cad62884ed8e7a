import highsLoader, { type Highs } from 'highs';
import { MILLI } from '../lib/domain/matching/min-cost-assignment';
import { COSTS, dueInPriorityOrder, type RosterElder, type RosterVolunteer } from '../lib/domain/visits/plan-week';
import { RosterTables } from '../lib/domain/visits/roster-tables';

/**
 * An independent check of a roster by linear programming (HiGHS): every (due elder, slot) pair within
 * COSTS.maxKm, listed by brute force, none of the planner's candidates, kd-tree, duals or pricing.
 * Bipartite matching polytopes are integral, so each LP's optimum is the optimum over assignments.
 * (Each row keeps only its n cheapest pairs in an LP of n rows: an exact reduction, see solveLp.)
 *
 * Priority is lexicographic (cover the earliest elders that can be covered together, then cost), so
 * it is checked in two parts rather than folded into one weighted objective (weights of 2^-rank
 * would not survive floating point past a few dozen elders):
 * - the covered set is the greedy basis iff, for every elder left out, the most elders the LP can
 *   cover among those up to and including them equals how many the plan covers before them
 *   (one max-cardinality LP per elder left out; by induction over the priority order);
 * - the cost: the LP's minimum over assignments covering exactly the plan's covered set.
 */
export async function checkRosterByLp(
  input: { weekStart: Date; elders: RosterElder[]; volunteers: RosterVolunteer[]; booked: Map<string, Date[]> },
  plan: { coveredElderIds: Set<string> },
): Promise<{ optimum: number; greedyBasisHolds: boolean; lps: number; pairs: number }> {
  const highs = await loadHighs();
  const due = dueInPriorityOrder(input.elders, input.weekStart);
  const tables = new RosterTables({ weekStart: input.weekStart, elders: due, volunteers: input.volunteers, booked: input.booked, terms: COSTS });
  const pairs = allPairsInRange(tables);
  const covered = due.map((e) => plan.coveredElderIds.has(e.elderId));

  let greedyBasisHolds = true;
  let lps = 0;
  let coveredBefore = 0;
  for (let r = 0; r < due.length; r += 1) {
    if (covered[r]) {
      coveredBefore += 1;
      continue;
    }
    lps += 1;
    const rank = solveLp(highs, tables.slots, pairs, (row) => row <= r, 'max-cardinality');
    if (Math.round(rank) !== coveredBefore) greedyBasisHolds = false;
  }
  lps += 1;
  const optimum = solveLp(highs, tables.slots, pairs, (row) => covered[row]!, 'min-cost-covering');
  return { optimum: Math.round(optimum) / MILLI, greedyBasisHolds, lps, pairs: pairs.row.length };
}

let loaded: Promise<Highs> | undefined;
function loadHighs(): Promise<Highs> {
  return (loaded ??= highsLoader());
}

function allPairsInRange(tables: RosterTables) {
  const row: number[] = [];
  const slot: number[] = [];
  const cost: number[] = [];
  for (let r = 0; r < tables.elderX.length; r += 1) {
    for (let w = 0; w < tables.volunteerX.length; w += 1) {
      const km = tables.km(r, w);
      if (km > COSTS.maxKm) continue;
      const pair = tables.pairCost(r, w, km);
      for (let s = tables.slotStart[w]!; s < tables.slotStart[w]! + tables.slotCount[w]!; s += 1) {
        row.push(r);
        slot.push(s);
        cost.push(pair + tables.slotExtra[s]!);
      }
    }
  }
  return { row, slot, cost };
}

/**
 * One LP over the pairs of the rows `included` selects: x ∈ [0, 1] per pair, each slot at most once;
 * either each included row exactly once at least cost, or each at most once, as many as possible.
 */
function solveLp(highs: Highs, slots: number, pairs: { row: number[]; slot: number[]; cost: number[] }, included: (row: number) => boolean, kind: 'min-cost-covering' | 'max-cardinality'): number {
  const rowConstraint = new Map<number, number>();
  const pairsOf = new Map<number, number[]>();
  pairs.row.forEach((r, e) => {
    if (!included(r)) return;
    if (!rowConstraint.has(r)) rowConstraint.set(r, rowConstraint.size);
    (pairsOf.get(r) ?? pairsOf.set(r, []).get(r)!).push(e);
  });
  // Exact, and what lets 1k elders × 10k volunteers fit in HiGHS's memory: with n rows in the LP,
  // the other n − 1 rows hold at most n − 1 of a row's slots, so one of its n cheapest is always
  // free to move to, at no more cost and without losing a row: each row keeps its n cheapest pairs.
  const keep = rowConstraint.size;
  const picked: number[] = [];
  for (const list of pairsOf.values()) {
    if (list.length > keep) list.sort((a, b) => pairs.cost[a]! - pairs.cost[b]!).length = keep;
    picked.push(...list);
  }
  // Constraints: the included rows first, then one per slot.
  const rows = rowConstraint.size;
  const numRows = rows + slots;
  const starts = new Int32Array(picked.length + 1);
  const indices = new Int32Array(picked.length * 2);
  const values = new Float64Array(picked.length * 2).fill(1);
  picked.forEach((e, k) => {
    starts[k + 1] = 2 * (k + 1);
    indices[2 * k] = rowConstraint.get(pairs.row[e]!)!;
    indices[2 * k + 1] = rows + pairs.slot[e]!;
  });
  const covering = kind === 'min-cost-covering';
  if (picked.length === 0) return 0;
  const model = highs.createModel({
    numCols: picked.length,
    numRows,
    sense: covering ? highs.constants.objectiveSense.minimize : highs.constants.objectiveSense.maximize,
    colCost: covering ? Float64Array.from(picked, (e) => pairs.cost[e]!) : new Float64Array(picked.length).fill(1),
    colLower: new Float64Array(picked.length),
    colUpper: new Float64Array(picked.length).fill(1),
    rowLower: Float64Array.from({ length: numRows }, (_, i) => (covering && i < rows ? 1 : -highs.infinity)),
    rowUpper: new Float64Array(numRows).fill(1),
    matrix: { format: 'csc', numRows, numCols: picked.length, starts, indices, values },
  });
  try {
    model.options.set('output_flag', false);
    model.run();
    const status = model.getModelStatus();
    if (status === highs.constants.modelStatus.infeasible) return covering ? Infinity : 0;
    if (status !== highs.constants.modelStatus.optimal && status !== highs.constants.modelStatus.empty) throw new Error(`HiGHS ended with model status ${status}`);
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}
