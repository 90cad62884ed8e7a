import { solveAssignment, type AssignmentResult } from './min-cost-assignment';
import { rowCount, withEdges, type SparseRows } from './sparse-rows';

/** Where the pairs left out of a candidate graph come from. */
export interface PairSource {
  /**
   * Calls `visit(column, cost)` for every pair of `row` (within range) that costs less than `below`,
   * and may call it for more. Pairs already among the row's candidates may be left out when they
   * are why the bound holds (the roster always lists the previous visitor, the one cheaper than
   * its distance). `below` is Infinity when every pair of the row in range is wanted.
   */
  forEachPair(row: number, below: number, visit: (column: number, cost: number) => void): void;
}

/** In cost units: thousandths of a km-equivalent for the roster. */
const NEAR_MISS = 0;

/** What proves the plan optimal over all pairs, not just the candidates. */
export interface OptimalityCertificate {
  /** Solve–price rounds until no pair was missing. */
  rounds: number;
  /** (row, column) pairs priced against the duals or checked for coverage, over all rounds. */
  pairsPriced: number;
  /** Pairs added to the candidate graph over all rounds. */
  pairsAdded: number;
  /** Pairs found missing in the last round: 0 whenever a plan is returned. */
  violations: number;
  /** Edges of the first candidate graph and of the last. */
  candidatePairs: { first: number; last: number };
}

/**
 * Solves on a candidate graph, then proves the answer holds over all pairs, adding what the proof
 * finds missing and solving again until nothing is (column generation):
 *
 * - Cost. The solver's duals satisfy cost + shift − u_r − v_j ≥ 0 on every candidate edge of a
 *   covered row, with v_j ≤ 0. A left-out pair breaks optimality only if its reduced cost is
 *   negative, i.e. cost < u_r + v_j − shift ≤ u_r − shift: the source is asked for exactly those
 *   pairs of each covered row (for the roster, a disc of radius ≈ (u_r − shift) / 1000 km). With no
 *   negative pair left, the duals are feasible for the problem over all pairs restricted to the
 *   covered rows, and the plan's cost equals their objective: optimal (LP duality).
 * - Coverage. A row left uncovered failed a search that closed a region (see AssignmentResult):
 *   its rows, all covered before it except itself, had no candidate edge leaving the region.
 *   If no edge over all pairs leaves it either, those rows have one column fewer than rows over
 *   all pairs too (Hall), so the row cannot join the earlier covered rows on the full graph: the
 *   covered rows are the full graph's greedy basis. Otherwise the leaving pairs are added.
 * Every violating pair is new (candidates satisfy both checks), so the rounds end. Pairs that only
 * just pass (reduced cost below NEAR_MISS) are added with them: the next solve's duals tend to
 * turn those negative, and a pair added early saves a round.
 */
export function solveOverAllPairs(candidates: SparseRows, columns: number, source: PairSource): { result: AssignmentResult; rows: SparseRows; certificate: OptimalityCertificate } {
  let rows = candidates;
  let rounds = 0;
  let pairsPriced = 0;
  let pairsAdded = 0;
  const listedFor = new Int32Array(columns).fill(-1);
  for (;;) {
    rounds += 1;
    const result = solveAssignment({ rows, columns });
    checkDuals(rows, result);
    const { columnOfRow, rowDual: u, columnDual: v, shift, rowClosedBy, columnClosedBy } = result;
    const missing = { row: [] as number[], column: [] as number[], cost: [] as number[] };
    let violations = 0;
    for (let r = 0; r < rowCount(rows); r += 1) {
      for (let e = rows.start[r]!; e < rows.start[r + 1]!; e += 1) listedFor[rows.column[e]!] = r;
      const closedBy = rowClosedBy[r]!;
      const covered = columnOfRow[r] !== -1;
      const ur = u[r]!;
      const add = (column: number, cost: number) => {
        missing.row.push(r);
        missing.column.push(column);
        missing.cost.push(cost);
      };
      if (closedBy === -1) {
        source.forEachPair(r, ur - shift + NEAR_MISS, (j, cost) => {
          pairsPriced += 1;
          const reduced = cost + shift - ur - v[j]!;
          if (reduced < 0) violations += 1;
          if (reduced < NEAR_MISS && listedFor[j] !== r) add(j, cost);
        });
      } else {
        source.forEachPair(r, Infinity, (j, cost) => {
          pairsPriced += 1;
          const columnClosedByRow = columnClosedBy[j]!;
          if (columnClosedByRow === -1 || columnClosedByRow > closedBy || (covered && cost + shift - ur - v[j]! < 0)) {
            violations += 1;
            add(j, cost);
          }
        });
      }
    }
    if (violations === 0) {
      return { result, rows, certificate: { rounds, pairsPriced, pairsAdded, violations, candidatePairs: { first: candidates.column.length, last: rows.column.length } } };
    }
    pairsAdded += missing.row.length;
    rows = withEdges(rows, missing);
  }
}

/** The candidate half of the certificate, checked rather than trusted (a cheap pass over the edges). */
function checkDuals(rows: SparseRows, result: AssignmentResult): void {
  const { columnOfRow, rowDual: u, columnDual: v, shift } = result;
  const used = new Uint8Array(v.length);
  for (let r = 0; r < columnOfRow.length; r += 1) {
    const matched = columnOfRow[r]!;
    if (matched === -1) continue;
    used[matched] = 1;
    for (let e = rows.start[r]!; e < rows.start[r + 1]!; e += 1) {
      const reduced = rows.cost[e]! + shift - u[r]! - v[rows.column[e]!]!;
      if (reduced < 0 || (rows.column[e] === matched && reduced !== 0)) throw new Error(`assignment duals fail on row ${r}: reduced cost ${reduced}`);
    }
  }
  for (let j = 0; j < v.length; j += 1) {
    if (v[j]! > 0 || (!used[j] && v[j] !== 0)) throw new Error(`assignment duals fail on column ${j}: ${v[j]}`);
  }
}
