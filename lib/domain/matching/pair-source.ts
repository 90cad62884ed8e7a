/** Where the pairs left out of a candidate graph come from. */
export interface PairSource {
  /** The column potentials (v) the next calls of `forEachPair` with a finite bound may rely on. */
  usePotentials(v: Float64Array): void;
  /**
   * Calls `visit(column, cost)` for every pair of `row` within range whose cost is below
   * `below + v[column]` (v as last given), and may call it for more; returns how many pairs it
   * weighed. Pairs already among the row's candidates may be left out when they are why the bound
   * holds (the roster always lists the previous visitor, the one cheaper than their distance).
   * `below` is Infinity when every pair of the row in range is wanted.
   */
  forEachPair(row: number, below: number, visit: (column: number, cost: number) => void): number;
  /** Calls `visit(row)` for every row with a pair in range of `column` (and may call it for more). */
  forEachRowNear(column: number, visit: (row: number) => void): void;
}
