import type { PairSource } from './pair-source';
import { rowCount, type SparseRows } from './sparse-rows';

/**
 * Which rows can be covered over ALL pairs, earliest first (the greedy basis of the transversal
 * matroid in row order), with one matching that covers them: rows in order, each by an augmenting
 * path search (breadth first, costs ignored).
 *
 * A search walks candidate edges first and asks the source for a row's full list of pairs only when
 * candidates do not reach a free column: with ample supply it never does. A search that fails with
 * every row it reached listed in full has found a closed region: its columns are all taken, by rows
 * whose every pair in range leads back into it (Hall: one column fewer than rows, the new row
 * included). No later augmenting path can pass through it (a path entering it can only walk its
 * edges and never reaches a free column), so its matching never changes and later searches skip
 * it: an elder nobody can reach costs one search of their neighbourhood, not of the whole graph.
 */
export function coverGreedily(candidates: SparseRows, columns: number, source: PairSource): { columnOfRow: Int32Array; costOfRow: Float64Array; pairsListed: number } {
  const rows = rowCount(candidates);
  const columnOfRow = new Int32Array(rows).fill(-1);
  const costOfRow = new Float64Array(rows);
  const rowOfColumn = new Int32Array(columns).fill(-1);
  const closed = new Uint8Array(columns);
  const seenIn = new Int32Array(columns).fill(-1);
  const reachedFrom = new Int32Array(columns);
  const reachedCost = new Float64Array(columns);
  const full: Array<{ column: Int32Array; cost: Float64Array } | undefined> = new Array(rows);
  let pairsListed = 0;
  const listInFull = (r: number) => {
    const column: number[] = [];
    const cost: number[] = [];
    pairsListed += source.forEachPair(r, Infinity, (j, c) => {
      column.push(j);
      cost.push(c);
    });
    full[r] = { column: Int32Array.from(column), cost: Float64Array.from(cost) };
  };

  const queue: number[] = [];
  const reached: number[] = [];
  for (let r = 0; r < rows; r += 1) {
    queue.length = 0;
    reached.length = 0;
    queue.push(r);
    let free = -1;
    // Rows are scanned in order of arrival; a row listed in full mid-search is scanned again.
    let head = 0;
    const scan = (i: number): boolean => {
      const list = full[i];
      const from = list ? 0 : candidates.start[i]!;
      const to = list ? list.column.length : candidates.start[i + 1]!;
      for (let e = from; e < to; e += 1) {
        const j = list ? list.column[e]! : candidates.column[e]!;
        if (closed[j] || seenIn[j] === r) continue;
        seenIn[j] = r;
        reachedFrom[j] = i;
        reachedCost[j] = list ? list.cost[e]! : candidates.cost[e]!;
        reached.push(j);
        if (rowOfColumn[j] === -1) {
          free = j;
          return true;
        }
        queue.push(rowOfColumn[j]!);
      }
      return false;
    };
    for (;;) {
      while (head < queue.length && !scan(queue[head]!)) head += 1;
      if (free !== -1) break;
      // One row at a time, earliest reached first: one full list usually reaches a free column.
      const partial = queue.find((i) => !full[i]);
      if (partial === undefined) break;
      listInFull(partial);
      queue.push(partial);
    }
    if (free === -1) {
      for (const j of reached) closed[j] = 1;
      continue;
    }
    for (let j = free; ; ) {
      const i = reachedFrom[j]!;
      const previous = columnOfRow[i]!;
      columnOfRow[i] = j;
      costOfRow[i] = reachedCost[j]!;
      rowOfColumn[j] = i;
      if (i === r) break;
      j = previous;
    }
  }
  return { columnOfRow, costOfRow, pairsListed };
}
