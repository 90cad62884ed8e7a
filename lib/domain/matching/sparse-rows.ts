/**
 * A bipartite graph's rows in compressed sparse row form: row r's edges are the positions
 * `start[r] .. start[r + 1] - 1` of `column` and `cost`. Typed arrays, no object per edge: a week of
 * 10k elders has millions of (elder, slot) pairs.
 */
export interface SparseRows {
  start: Int32Array;
  column: Int32Array;
  cost: Float64Array;
}

export function rowCount(rows: SparseRows): number {
  return rows.start.length - 1;
}

/** Collects edges row by row, in row order, into growable typed arrays. */
export class SparseRowsBuilder {
  private readonly starts: number[] = [0];
  private column = new Int32Array(1024);
  private cost = new Float64Array(1024);
  private size = 0;

  add(column: number, cost: number): void {
    if (this.size === this.column.length) {
      const column = new Int32Array(this.size * 2);
      column.set(this.column);
      const costs = new Float64Array(this.size * 2);
      costs.set(this.cost);
      this.column = column;
      this.cost = costs;
    }
    this.column[this.size] = column;
    this.cost[this.size] = cost;
    this.size += 1;
  }

  endRow(): void {
    this.starts.push(this.size);
  }

  build(): SparseRows {
    return { start: Int32Array.from(this.starts), column: this.column.slice(0, this.size), cost: this.cost.slice(0, this.size) };
  }
}

/** The same rows with more edges: `added` lists (row, column, cost) triples in any row order. */
export function withEdges(rows: SparseRows, added: { row: number[]; column: number[]; cost: number[] }): SparseRows {
  const n = rowCount(rows);
  const start = new Int32Array(n + 1);
  for (let r = 0; r < n; r += 1) start[r + 1] = rows.start[r + 1]! - rows.start[r]!;
  for (const r of added.row) start[r + 1]! += 1;
  for (let r = 0; r < n; r += 1) start[r + 1]! += start[r]!;
  const total = start[n]!;
  const column = new Int32Array(total);
  const cost = new Float64Array(total);
  const fill = start.slice(0, n);
  for (let r = 0; r < n; r += 1) {
    const from = rows.start[r]!;
    const length = rows.start[r + 1]! - from;
    column.set(rows.column.subarray(from, from + length), fill[r]!);
    cost.set(rows.cost.subarray(from, from + length), fill[r]!);
    fill[r]! += length;
  }
  added.row.forEach((r, k) => {
    column[fill[r]!] = added.column[k]!;
    cost[fill[r]!] = added.cost[k]!;
    fill[r]! += 1;
  });
  return { start, column, cost };
}
