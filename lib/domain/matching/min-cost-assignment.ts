import { rowCount, withEdges, type SparseRows } from './sparse-rows';
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
  return new AssignmentSolver(problem).result();
}

/** The solver with its state kept, so that edges added later re-solve only what they disturb. */
export class AssignmentSolver {
  private rows: SparseRows;
  private readonly shift: number;
  private readonly u: Float64Array;
  private readonly v: Float64Array;
  private readonly rowOfColumn: Int32Array;
  private readonly columnOfRow: Int32Array;
  private readonly rowClosedBy: Int32Array;
  private readonly columnClosedBy: Int32Array;
  private readonly dist: Float64Array;
  private readonly via: Int32Array;
  private readonly done: Uint8Array;
  private readonly touched: number[] = [];
  private readonly finalized: number[] = [];
  private readonly heap = new MinHeap();
  private closedColumns = 0;
  /** Rows whose potential changed and columns whose potential rose, since `takeChanges` was last called. */
  private readonly rowChanged: Uint8Array;
  private changedRows: number[] = [];
  private raisedColumns: number[] = [];

  constructor(problem: AssignmentProblem) {
    const { columns } = problem;
    this.rows = problem.rows;
    const rows = rowCount(problem.rows);
    // Reduced costs must start non-negative: shift every edge by the smallest cost. Each assigned
    // row uses exactly one edge, so the shift changes every assignment of the same rows equally.
    let minCost = 0;
    for (let e = 0; e < problem.rows.cost.length; e += 1) if (problem.rows.cost[e]! < minCost) minCost = problem.rows.cost[e]!;
    this.shift = -minCost;
    this.u = new Float64Array(rows);
    this.v = new Float64Array(columns);
    this.rowOfColumn = new Int32Array(columns).fill(-1);
    this.columnOfRow = new Int32Array(rows).fill(-1);
    this.rowClosedBy = new Int32Array(rows).fill(OPEN);
    this.columnClosedBy = new Int32Array(columns).fill(OPEN);
    this.dist = new Float64Array(columns).fill(Infinity);
    this.via = new Int32Array(columns);
    this.done = new Uint8Array(columns);
    this.rowChanged = new Uint8Array(rows);
    let closedAny = false;
    for (let r = 0; r < rows; r += 1) if (!this.augment(r)) closedAny = true;
    if (closedAny) liftClosedRegions(this.rows, this.shift, this.u, this.v, this.columnOfRow, this.rowClosedBy, this.columnClosedBy);
  }

  /**
   * Adds edges to covered rows and restores optimality. A row whose new edge has negative reduced
   * cost lets go of its column and is matched again by the usual shortest-path step (every edge of
   * a matched row still has a non-negative reduced cost, and a row being matched may start from
   * any potential). A column let go usually comes back on the way (its edges are as tight as
   * before); one left unused with a potential below 0 is raised to 0, as an unused column's must
   * be, and any row that now prefers it lets go in turn, until none does. Only when every row with
   * edges was covered and no region closed (the cover decided coverage beforehand), so a row let
   * go is always covered again. Gives up, leaving the solver unusable, when more than an eighth of
   * the rows would have to be matched again: then solving afresh is cheaper.
   */
  addEdges(added: { row: number[]; column: number[]; cost: number[] }): { rowsReaugmented: number } | 'start over' {
    if (this.closedColumns > 0) throw new Error('edges cannot be added once a region has closed');
    this.rows = withEdges(this.rows, added);
    const { start, column, cost } = this.rows;
    const { u, v, shift, rowOfColumn, columnOfRow } = this;
    const limit = Math.max(64, columnOfRow.length / 8);
    let rowsIntoColumn: SparseRows | undefined;
    let pending: number[] = [];
    let letGoColumns: number[] = [];
    let rowsReaugmented = 0;
    const release = (r: number) => {
      const j = columnOfRow[r]!;
      columnOfRow[r] = -1;
      rowOfColumn[j] = -1;
      pending.push(r);
      letGoColumns.push(j);
    };
    added.row.forEach((r, i) => {
      if (columnOfRow[r] !== -1 && added.cost[i]! + shift - u[r]! - v[added.column[i]!]! < 0) release(r);
    });
    while (pending.length > 0) {
      rowsReaugmented += pending.length;
      if (rowsReaugmented > limit) return 'start over';
      const rows = pending.sort((a, b) => a - b);
      const columns = letGoColumns;
      pending = [];
      letGoColumns = [];
      for (const r of rows) {
        let lowest = Infinity;
        for (let e = start[r]!; e < start[r + 1]!; e += 1) lowest = Math.min(lowest, cost[e]! + shift - v[column[e]!]!);
        u[r] = lowest;
        this.changed(r);
        if (!this.augment(r)) throw new Error(`row ${r} could not be covered again`);
      }
      for (const j of columns) {
        if (rowOfColumn[j] !== -1 || v[j] === 0) continue;
        v[j] = 0;
        this.raisedColumns.push(j);
        rowsIntoColumn ??= transpose(this.rows, v.length);
        for (let e = rowsIntoColumn.start[j]!; e < rowsIntoColumn.start[j + 1]!; e += 1) {
          const k = rowsIntoColumn.column[e]!;
          if (columnOfRow[k] !== -1 && rowsIntoColumn.cost[e]! + shift - u[k]! < 0) release(k);
        }
      }
    }
    return { rowsReaugmented };
  }

  /**
   * What moved since the last call: every potential not listed here either stayed or fell (a column's),
   * which only raises reduced costs, so a pair found non-negative before still is.
   */
  takeChanges(): { rows: number[]; raisedColumns: number[] } {
    const changes = { rows: this.changedRows, raisedColumns: this.raisedColumns };
    for (const r of this.changedRows) this.rowChanged[r] = 0;
    this.changedRows = [];
    this.raisedColumns = [];
    return changes;
  }

  private changed(r: number): void {
    if (this.rowChanged[r]) return;
    this.rowChanged[r] = 1;
    this.changedRows.push(r);
  }

  result(): AssignmentResult {
    const { start, column, cost } = this.rows;
    let totalCost = 0;
    let covered = 0;
    for (let r = 0; r < this.columnOfRow.length; r += 1) {
      const c = this.columnOfRow[r]!;
      if (c === -1) continue;
      covered += 1;
      for (let e = start[r]!; e < start[r + 1]!; e += 1) {
        if (column[e] === c) {
          totalCost += cost[e]!;
          break;
        }
      }
    }
    const { columnOfRow, u: rowDual, v: columnDual, shift, rowClosedBy, columnClosedBy } = this;
    return { columnOfRow, totalCost, covered, rowDual, columnDual, shift, rowClosedBy, columnClosedBy };
  }

  get graph(): SparseRows {
    return this.rows;
  }

  /** One shortest augmenting path from row r; false when none exists (the region it saw closes). */
  private augment(r: number): boolean {
    const { start, column, cost } = this.rows;
    const { u, v, shift, rowOfColumn, columnOfRow, columnClosedBy, dist, via, done, touched, finalized, heap } = this;
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
      this.changed(r);
      for (const j of finalized) {
        const delta = freeDist - dist[j]!;
        v[j]! -= delta;
        u[rowOfColumn[j]!]! += delta;
        if (delta !== 0) this.changed(rowOfColumn[j]!);
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
      this.rowClosedBy[r] = r;
      for (const j of finalized) {
        columnClosedBy[j] = r;
        this.rowClosedBy[rowOfColumn[j]!] = r;
      }
      this.closedColumns += finalized.length;
    }
    for (const j of touched) {
      dist[j] = Infinity;
      done[j] = 0;
    }
    return free !== -1;
  }
}

/** The same edges grouped by column: for each column, the rows with an edge into it. */
function transpose(rows: SparseRows, columns: number): SparseRows {
  const start = new Int32Array(columns + 1);
  for (let e = 0; e < rows.column.length; e += 1) start[rows.column[e]! + 1]! += 1;
  for (let j = 0; j < columns; j += 1) start[j + 1]! += start[j]!;
  const fill = start.slice(0, columns);
  const row = new Int32Array(rows.column.length);
  const cost = new Float64Array(rows.column.length);
  for (let r = 0; r + 1 < rows.start.length; r += 1) {
    for (let e = rows.start[r]!; e < rows.start[r + 1]!; e += 1) {
      const at = fill[rows.column[e]!]!++;
      row[at] = r;
      cost[at] = rows.cost[e]!;
    }
  }
  return { start, column: row, cost };
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
