import { AssignmentSolver, type AssignmentResult } from './min-cost-assignment';
import { coverGreedily } from './greedy-cover';
import type { PairSource } from './pair-source';
import { rowCount, SparseRowsBuilder, type SparseRows } from './sparse-rows';

export type { PairSource } from './pair-source';

/** What proves the plan optimal over all pairs, not just the candidates. */
export interface OptimalityCertificate {
  /**
   * Solve–price rounds until no pair was missing. The first prices every covered row; after a
   * repair, only the rows whose pairs' reduced costs may have fallen (see rowsToPriceAgain).
   */
  rounds: number;
  /** (row, column) pairs priced against the duals, over all rounds. */
  pairsPriced: number;
  /** Pairs listed to settle coverage: every pair in range of each row a failed candidate search reached. */
  pairsListedForCoverage: number;
  /** Pairs added to the candidate graph over all rounds. */
  pairsAdded: number;
  /** Rows that let go of their slot for a pair added and were matched again, where a round did not start over. */
  rowsReaugmented: number;
  /** Pairs of negative reduced cost found in the last round: 0 whenever a plan is returned. */
  violations: number;
  /** Edges of the first candidate graph and of the last. */
  candidatePairs: { first: number; last: number };
}

/**
 * Solves on a candidate graph, then proves the answer holds over all pairs, adding what the proof
 * finds missing and solving again until nothing is (column generation):
 *
 * - Coverage first: coverGreedily finds the rows coverable together over all pairs, earliest first,
 *   and a matching covering them. Its edges join the candidates and the other rows get none, so the
 *   solver covers exactly those rows (they are matchable on the candidate graph) and never searches
 *   for the others.
 * - Cost. The solver's duals satisfy cost + shift − u_r − v_j ≥ 0 on every candidate edge of a
 *   covered row, with v_j ≤ 0 (checked here, not trusted). A left-out pair breaks optimality only if
 *   its reduced cost is negative, i.e. cost < u_r − shift + v_j: the source is asked for those pairs
 *   of each covered row (for the roster, a disc whose radius in km is about that bound / 1000). With
 *   no negative pair left, the duals are feasible for the problem over all pairs restricted to the
 *   covered rows, and the plan's cost equals their objective: optimal (LP duality). Negative pairs
 *   join the graph and the solver repairs its answer for them.
 * Every violating pair is new (candidates are checked), so the rounds end.
 */
export function solveOverAllPairs(candidates: SparseRows, columns: number, source: PairSource): { result: AssignmentResult; rows: SparseRows; certificate: OptimalityCertificate } {
  const cover = coverGreedily(candidates, columns, source);
  const rowsTotal = rowCount(candidates);
  let solver = new AssignmentSolver({ rows: coverableOnly(candidates, cover), columns });
  solver.takeChanges();
  let toPrice: number[] | 'every row' = 'every row';
  let rounds = 0;
  let pairsPriced = 0;
  let pairsAdded = 0;
  let rowsReaugmented = 0;
  for (;;) {
    rounds += 1;
    const rows = solver.graph;
    const result = solver.result();
    checkDuals(rows, result);
    const { columnOfRow, rowDual: u, columnDual: v, shift } = result;
    const missing = { row: [] as number[], column: [] as number[], cost: [] as number[] };
    source.usePotentials(v);
    const priceRow = (r: number) => {
      if ((columnOfRow[r] === -1) !== (cover.columnOfRow[r] === -1)) throw new Error(`row ${r} covered on one graph and not the other`);
      if (columnOfRow[r] === -1) return;
      const ur = u[r]!;
      pairsPriced += source.forEachPair(r, ur - shift, (j, cost) => {
        if (cost + shift - ur - v[j]! < 0) {
          missing.row.push(r);
          missing.column.push(j);
          missing.cost.push(cost);
        }
      });
    };
    if (toPrice === 'every row') for (let r = 0; r < rowsTotal; r += 1) priceRow(r);
    else toPrice.forEach(priceRow);
    if (missing.row.length === 0) {
      const candidatePairs = { first: candidates.column.length, last: rows.column.length };
      return { result, rows, certificate: { rounds, pairsPriced, pairsListedForCoverage: cover.pairsListed, pairsAdded, rowsReaugmented, violations: 0, candidatePairs } };
    }
    pairsAdded += missing.row.length;
    const repaired = solver.addEdges(missing);
    if (repaired === 'start over') {
      solver = new AssignmentSolver({ rows: solver.graph, columns });
      solver.takeChanges();
      toPrice = 'every row';
    } else {
      rowsReaugmented += repaired.rowsReaugmented;
      toPrice = rowsToPriceAgain(solver.takeChanges(), rowsTotal, source);
    }
  }
}

/**
 * After a repair, only pairs whose reduced cost may have fallen: those of rows whose potential
 * changed, and those into columns whose potential rose. Every other potential stayed or fell (a
 * column's), so every other pair is still as non-negative as the last round found it.
 */
function rowsToPriceAgain(changes: { rows: number[]; raisedColumns: number[] }, rowsTotal: number, source: PairSource): number[] {
  const listed = new Uint8Array(rowsTotal);
  const rows: number[] = [];
  const list = (r: number) => {
    if (listed[r]) return;
    listed[r] = 1;
    rows.push(r);
  };
  changes.rows.forEach(list);
  for (const j of changes.raisedColumns) source.forEachRowNear(j, list);
  return rows;
}

/** The candidates of the rows the cover covers, with the cover's own edge; the other rows get none. */
function coverableOnly(candidates: SparseRows, cover: { columnOfRow: Int32Array; costOfRow: Float64Array }): SparseRows {
  const builder = new SparseRowsBuilder();
  for (let r = 0; r < rowCount(candidates); r += 1) {
    const own = cover.columnOfRow[r]!;
    if (own !== -1) {
      let listed = false;
      for (let e = candidates.start[r]!; e < candidates.start[r + 1]!; e += 1) {
        builder.add(candidates.column[e]!, candidates.cost[e]!);
        if (candidates.column[e] === own) listed = true;
      }
      if (!listed) builder.add(own, cover.costOfRow[r]!);
    }
    builder.endRow();
  }
  return builder.build();
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
