/**
 * Points in the km plane bucketed in square cells, each point owning a run of solver columns
 * (a volunteer's slots), with the best "allowance" of each point and each cell: pricing asks for
 * the pairs whose cost could fall below u_r − shift + v_j − extra_j, and where slots are in demand
 * (v_j well below 0) whole cells can be ruled out without looking at anyone in them.
 *
 * A kd-tree answers "who is within r"; this answers "who is within the r that their own cell's
 * potentials allow", which is what makes pricing cheap when supply is short and potentials deep.
 */
export class PotentialGrid {
  private readonly minX: number;
  private readonly minY: number;
  private readonly columnsAcross: number;
  private readonly rowsDown: number;
  private readonly cellStart: Int32Array;
  private readonly cellPoints: Int32Array;
  /** Per point and per cell: the largest (v_j − extra_j) over the point's columns. */
  readonly pointAllowance: Float64Array;
  private readonly cellAllowance: Float64Array;
  highestAllowance = 0;

  constructor(
    xs: Float64Array,
    ys: Float64Array,
    private readonly cellKm: number,
  ) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < xs.length; i += 1) {
      minX = Math.min(minX, xs[i]!);
      maxX = Math.max(maxX, xs[i]!);
      minY = Math.min(minY, ys[i]!);
      maxY = Math.max(maxY, ys[i]!);
    }
    this.minX = xs.length ? minX : 0;
    this.minY = xs.length ? minY : 0;
    this.columnsAcross = xs.length ? Math.floor((maxX - minX) / cellKm) + 1 : 1;
    this.rowsDown = xs.length ? Math.floor((maxY - minY) / cellKm) + 1 : 1;
    const cells = this.columnsAcross * this.rowsDown;
    const cellOf = Int32Array.from(xs, (x, i) => this.cellAt(x, ys[i]!));
    this.cellStart = new Int32Array(cells + 1);
    for (const c of cellOf) this.cellStart[c + 1]! += 1;
    for (let c = 0; c < cells; c += 1) this.cellStart[c + 1]! += this.cellStart[c]!;
    const fill = this.cellStart.slice(0, cells);
    this.cellPoints = new Int32Array(xs.length);
    cellOf.forEach((c, i) => (this.cellPoints[fill[c]!++] = i));
    this.pointAllowance = new Float64Array(xs.length);
    this.cellAllowance = new Float64Array(cells);
  }

  /** Takes the allowance of each point (the caller's best over its columns) and rolls it up per cell. */
  refresh(allowanceOf: (point: number) => number): void {
    this.highestAllowance = -Infinity;
    for (let c = 0; c < this.cellAllowance.length; c += 1) {
      let best = -Infinity;
      for (let k = this.cellStart[c]!; k < this.cellStart[c + 1]!; k += 1) {
        const p = this.cellPoints[k]!;
        this.pointAllowance[p] = allowanceOf(p);
        best = Math.max(best, this.pointAllowance[p]!);
      }
      this.cellAllowance[c] = best;
      this.highestAllowance = Math.max(this.highestAllowance, best);
    }
  }

  /**
   * Calls `visit(point)` for each point within `maxKm` of (x, y) whose cell, at its nearest to
   * (x, y), passes `worthIt(cellDistanceKm, cellAllowance)`; the caller checks each point itself.
   */
  forEachCandidate(x: number, y: number, maxKm: number, worthIt: (km: number, allowance: number) => boolean, visit: (point: number) => void): void {
    const x0 = Math.max(0, Math.floor((x - maxKm - this.minX) / this.cellKm));
    const x1 = Math.min(this.columnsAcross - 1, Math.floor((x + maxKm - this.minX) / this.cellKm));
    const y0 = Math.max(0, Math.floor((y - maxKm - this.minY) / this.cellKm));
    const y1 = Math.min(this.rowsDown - 1, Math.floor((y + maxKm - this.minY) / this.cellKm));
    for (let cy = y0; cy <= y1; cy += 1) {
      const low = this.minY + cy * this.cellKm;
      const dy = Math.max(0, low - y, y - (low + this.cellKm));
      for (let cx = x0; cx <= x1; cx += 1) {
        const left = this.minX + cx * this.cellKm;
        const dx = Math.max(0, left - x, x - (left + this.cellKm));
        const km = Math.sqrt(dx * dx + dy * dy);
        const c = cy * this.columnsAcross + cx;
        if (km > maxKm || this.cellStart[c] === this.cellStart[c + 1] || !worthIt(km, this.cellAllowance[c]!)) continue;
        for (let k = this.cellStart[c]!; k < this.cellStart[c + 1]!; k += 1) visit(this.cellPoints[k]!);
      }
    }
  }

  private cellAt(x: number, y: number): number {
    return Math.floor((y - this.minY) / this.cellKm) * this.columnsAcross + Math.floor((x - this.minX) / this.cellKm);
  }
}
