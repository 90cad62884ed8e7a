import { rowCount, type SparseRows } from './sparse-rows';
import { MinHeap } from './min-heap';

/**
 * Exact minimum-cost assignment on a sparse bipartite graph: rows (elders, wishes) to columns
 * (volunteer time slots), each column used at most once, each row at most once.
 *
 * Shortest augmenting paths with dual potentials (the Hungarian method; Dijkstra on reduced costs
 * over a binary heap, as in Jonker–Volgenant's sparse variant). Rows are taken in the order given:
 * a row that no augmenting path can reach stays unassigned, and stays so whatever comes later, so
 * the covered rows are the earliest rows that can be covered together (the greedy basis of the
 * transversal matroid: priority decides who is covered). Among assignments covering exactly those
 * rows, the total cost is the exact minimum: the potentials certify it (complementary slackness).
 *
 * Cost of one augmentation is a Dijkstra that stops at the first free column, so with ample
 * supply each row touches only its own neighbourhood. When supply is short, a failed search closes
 * what it explored (see `closedBy`), so no later row searches that region again.
 */
export interface AssignmentProblem {
  columns: number;
  rows: SparseRows;
}

export interface AssignmentResult {
  /** Column of each row, or -1 when the row could not be covered. */
  columnOfRow: Int32Array;
  totalCost: number;
  covered: number;
  /**
   * Dual potentials: on every edge of a covered row, cost + shift − rowDual[r] − columnDual[j] ≥ 0,
   * with equality on the edges used; columnDual ≤ 0 everywhere and 0 on every unused column.
   */
  rowDual: Float64Array;
  columnDual: Float64Array;
  shift: number;
  /**
   * Regions closed by a failed search: for a row or column in one, the row whose search closed it
   * (that row itself included), else -1. Every edge of a row closed by row k leads to a column
   * closed by a row ≤ k, and each such column stays matched to a row before k.
   */
  rowClosedBy: Int32Array;
  columnClosedBy: Int32Array;
}

/**
 * Planners pass costs in whole thousandths of a km-equivalent: every sum, distance and dual is then
 * an exact integer, so the optimality checks compare exactly, with no tolerance to argue about.
 */
export const MILLI = 1000;

const START = -1;
const OPEN = -1;

export function solveAssignment(problem: AssignmentProblem): AssignmentResult {
  const { columns } = problem;
  const { start, column, cost } = problem.rows;
  const rows = rowCount(problem.rows);
  // Reduced costs must start non-negative: shift every edge by the smallest cost. Each assigned row
  // uses exactly one edge, so the shift changes every assignment of the same rows equally.
  let minCost = 0;
  for (let e = 0; e < cost.length; e += 1) if (cost[e]! < minCost) minCost = cost[e]!;
  const shift = -minCost;

  const u = new Float64Array(rows);
  const v = new Float64Array(columns);
  const rowOfColumn = new Int32Array(columns).fill(-1);
  const columnOfRow = new Int32Array(rows).fill(-1);
  const rowClosedBy = new Int32Array(rows).fill(OPEN);
  const columnClosedBy = new Int32Array(columns).fill(OPEN);
  const dist = new Float64Array(columns).fill(Infinity);
  const via = new Int32Array(columns);
  const done = new Uint8Array(columns);
  const touched: number[] = [];
  const finalized: number[] = [];
  const heap = new MinHeap();
  let closedAny = false;

  for (let r = 0; r < rows; r += 1) {
    heap.clear();
    touched.length = 0;
    finalized.length = 0;
    for (let e = start[r]!; e < start[r + 1]!; e += 1) {
      const j = column[e]!;
      if (columnClosedBy[j] !== OPEN) continue;
      const d = cost[e]! + shift - u[r]! - v[j]!;
      if (d < dist[j]!) {
        if (dist[j] === Infinity) touched.push(j);
        dist[j] = d;
        via[j] = START;
        heap.push(d, j);
      }
    }
    let free = -1;
    let freeDist = 0;
    while (heap.size > 0) {
      const j = heap.pop();
      const d = heap.lastKey;
      if (done[j] || d > dist[j]!) continue;
      if (rowOfColumn[j] === -1) {
        free = j;
        freeDist = d;
        break;
      }
      done[j] = 1;
      finalized.push(j);
      const i = rowOfColumn[j]!;
      for (let e = start[i]!; e < start[i + 1]!; e += 1) {
        const k = column[e]!;
        if (done[k] || columnClosedBy[k] !== OPEN) continue;
        const nd = d + cost[e]! + shift - u[i]! - v[k]!;
        if (nd < dist[k]!) {
          if (dist[k] === Infinity) touched.push(k);
          dist[k] = nd;
          via[k] = j;
          heap.push(nd, k);
        }
      }
    }
    if (free !== -1) {
      u[r]! += freeDist;
      for (const j of finalized) {
        const delta = freeDist - dist[j]!;
        v[j]! -= delta;
        u[rowOfColumn[j]!]! += delta;
      }
      for (let j = free; ; ) {
        const previous = via[j]!;
        if (previous === START) {
          rowOfColumn[j] = r;
          columnOfRow[r] = j;
          break;
        }
        const movedRow = rowOfColumn[previous]!;
        rowOfColumn[j] = movedRow;
        columnOfRow[movedRow] = j;
        j = previous;
      }
    } else {
      // The search reached every column it could, all of them taken, and the edges of their rows
      // lead only back into them or into regions closed before. Any later augmenting path entering
      // this region could only walk such edges, so it could never reach a free column: no path that
      // succeeds ever passes through here, the region's matching never changes again, and later
      // searches may skip it. (Hall: these rows, r included, have one column fewer than rows.)
      closedAny = true;
      rowClosedBy[r] = r;
      for (const j of finalized) {
        columnClosedBy[j] = r;
        rowClosedBy[rowOfColumn[j]!] = r;
      }
    }
    for (const j of touched) {
      dist[j] = Infinity;
      done[j] = 0;
    }
  }

  if (closedAny) liftClosedRegions(problem.rows, shift, u, v, columnOfRow, rowClosedBy, columnClosedBy);

  let totalCost = 0;
  let covered = 0;
  for (let r = 0; r < rows; r += 1) {
    const c = columnOfRow[r]!;
    if (c === -1) continue;
    covered += 1;
    for (let e = start[r]!; e < start[r + 1]!; e += 1) {
      if (column[e] === c) {
        totalCost += cost[e]!;
        break;
      }
    }
  }
  return { columnOfRow, totalCost, covered, rowDual: u, columnDual: v, shift, rowClosedBy, columnClosedBy };
}

/**
 * Skipping closed regions leaves the potentials of rows outside a region unchecked against edges into
 * it. Lowering a closed region's column potentials by an amount L_k and raising its covered rows' by
 * the same mends that: edges inside the region keep their reduced cost, the dual objective is
 * unchanged (each closed column is matched to a row of its region), and an edge from a row of
 * region m (L_m = 0 for rows in no region) into region k gains L_k − L_m. Edges only lead into
 * regions closed earlier (a region has no edge out when it closes), so taking regions from the last
 * closed to the first, L_k = max(L_m − reduced cost) over the edges into k is final when computed.
 * L_k starts at the largest open row potential: that also prices out every pair of non-negative cost
 * from an open row into a closed region, so pricing does not pull such pairs in for nothing.
 */
function liftClosedRegions(rows: SparseRows, shift: number, u: Float64Array, v: Float64Array, columnOfRow: Int32Array, rowClosedBy: Int32Array, columnClosedBy: Int32Array): void {
  let base = 0;
  for (let r = 0; r < u.length; r += 1) if (columnOfRow[r] !== -1 && rowClosedBy[r] === OPEN) base = Math.max(base, u[r]!);
  const lift = new Float64Array(u.length).fill(base);
  const into: number[] = [];
  const from: number[] = [];
  const reduced: number[] = [];
  for (let r = 0; r < u.length; r += 1) {
    if (columnOfRow[r] === -1) continue;
    for (let e = rows.start[r]!; e < rows.start[r + 1]!; e += 1) {
      const k = columnClosedBy[rows.column[e]!]!;
      if (k === OPEN || k === rowClosedBy[r]) continue;
      into.push(k);
      from.push(r);
      reduced.push(rows.cost[e]! + shift - u[r]! - v[rows.column[e]!]!);
    }
  }
  const order = into.map((_, i) => i).sort((a, b) => into[b]! - into[a]!);
  for (const i of order) {
    const m = rowClosedBy[from[i]!]!;
    const k = into[i]!;
    lift[k] = Math.max(lift[k]!, (m === OPEN ? 0 : lift[m]!) - reduced[i]!);
  }
  for (let r = 0; r < u.length; r += 1) if (rowClosedBy[r] !== OPEN && columnOfRow[r] !== -1) u[r]! += lift[rowClosedBy[r]!]!;
  for (let j = 0; j < v.length; j += 1) if (columnClosedBy[j] !== OPEN) v[j]! -= lift[columnClosedBy[j]!]!;
}
