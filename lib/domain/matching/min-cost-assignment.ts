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
 * supply each row touches only its own neighbourhood.
 */
export interface AssignmentProblem {
  columns: number;
  /** For each row, its candidate columns and the cost of each (any finite number). */
  rows: Array<Array<{ column: number; cost: number }>>;
}

export interface AssignmentResult {
  /** Column of each row, or -1 when the row could not be covered. */
  columnOfRow: Int32Array;
  totalCost: number;
  covered: number;
}

class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    const keys = this.keys;
    const values = this.values;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Removes the minimum; returns its value and leaves its key in `lastKey`. */
  lastKey = 0;
  pop(): number {
    const keys = this.keys;
    const values = this.values;
    const topValue = values[0]!;
    this.lastKey = keys[0]!;
    const lastK = keys.pop()!;
    const lastV = values.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && keys[r]! < keys[l]! ? r : l;
        if (keys[c]! >= lastK) break;
        keys[i] = keys[c]!;
        values[i] = values[c]!;
        i = c;
      }
      keys[i] = lastK;
      values[i] = lastV;
    }
    return topValue;
  }

  clear(): void {
    this.keys.length = 0;
    this.values.length = 0;
  }
}

export function solveAssignment(problem: AssignmentProblem): AssignmentResult {
  const { rows, columns } = problem;
  // Reduced costs must start non-negative: shift every edge by the smallest cost. Each assigned row
  // uses exactly one edge, so the shift changes every assignment of the same rows equally.
  let minCost = 0;
  for (const edges of rows) for (const e of edges) if (e.cost < minCost) minCost = e.cost;
  const shift = -minCost;

  const u = new Float64Array(rows.length);
  const v = new Float64Array(columns);
  const rowOfColumn = new Int32Array(columns).fill(-1);
  const columnOfRow = new Int32Array(rows.length).fill(-1);
  const dist = new Float64Array(columns).fill(Infinity);
  const via = new Int32Array(columns);
  const done = new Uint8Array(columns);
  const touched: number[] = [];
  const finalized: number[] = [];
  const heap = new MinHeap();
  const START = -1;

  for (let r = 0; r < rows.length; r += 1) {
    heap.clear();
    touched.length = 0;
    finalized.length = 0;
    for (const e of rows[r]!) {
      const d = e.cost + shift - u[r]! - v[e.column]!;
      if (d < dist[e.column]!) {
        if (dist[e.column] === Infinity) touched.push(e.column);
        dist[e.column] = d;
        via[e.column] = START;
        heap.push(d, e.column);
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
      for (const e of rows[i]!) {
        if (done[e.column]) continue;
        const nd = d + e.cost + shift - u[i]! - v[e.column]!;
        if (nd < dist[e.column]!) {
          if (dist[e.column] === Infinity) touched.push(e.column);
          dist[e.column] = nd;
          via[e.column] = j;
          heap.push(nd, e.column);
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
    }
    for (const j of touched) {
      dist[j] = Infinity;
      done[j] = 0;
    }
  }

  let totalCost = 0;
  let covered = 0;
  for (let r = 0; r < rows.length; r += 1) {
    const c = columnOfRow[r]!;
    if (c === -1) continue;
    covered += 1;
    totalCost += rows[r]!.find((e) => e.column === c)!.cost;
  }
  return { columnOfRow, totalCost, covered };
}
