import KDBush from 'kdbush';
import type { LatLng } from '../geo';

const KM_PER_DEGREE_LAT = 111.2;

/**
 * An equirectangular projection to km about one reference latitude. Across a district (tens of km)
 * east–west scale changes by well under 1 % from edge to edge; planners that measure distance in
 * this plane get distances a spatial index can bound exactly.
 */
export class LocalProjection {
  readonly kmPerDegreeLng: number;

  constructor(referenceLat: number) {
    this.kmPerDegreeLng = KM_PER_DEGREE_LAT * Math.cos(referenceLat * (Math.PI / 180));
  }

  /** Centred on the middle of the latitudes the points span. */
  static around(points: Iterable<LatLng>): LocalProjection {
    let low = Infinity;
    let high = -Infinity;
    for (const p of points) {
      low = Math.min(low, p.lat);
      high = Math.max(high, p.lat);
    }
    return new LocalProjection(low <= high ? (low + high) / 2 : 0);
  }

  x(p: LatLng): number {
    return p.lng * this.kmPerDegreeLng;
  }

  y(p: LatLng): number {
    return p.lat * KM_PER_DEGREE_LAT;
  }
}

/** Points in the km plane, in a static kd-tree (kdbush): radius queries without per-point objects. */
export class PointIndex {
  private readonly tree: KDBush;
  private readonly spacingKm: number;

  constructor(xs: Float64Array, ys: Float64Array) {
    this.tree = new KDBush(Math.max(xs.length, 1));
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < xs.length; i += 1) {
      this.tree.add(xs[i]!, ys[i]!);
      minX = Math.min(minX, xs[i]!);
      maxX = Math.max(maxX, xs[i]!);
      minY = Math.min(minY, ys[i]!);
      maxY = Math.max(maxY, ys[i]!);
    }
    if (xs.length === 0) this.tree.add(Infinity, Infinity);
    this.tree.finish();
    // Mean distance between neighbours if the points were spread evenly: where a search for the
    // k nearest should start.
    const area = Math.max(maxX - minX, 1e-3) * Math.max(maxY - minY, 1e-3);
    this.spacingKm = xs.length ? Math.sqrt(area / (Math.PI * xs.length)) : Infinity;
  }

  /** Writes into `out` the ids of points within `radiusKm` (inclusive) of (x, y); returns how many. */
  within(x: number, y: number, radiusKm: number, out: number[]): number {
    return this.tree.withinInto(x, y, radiusKm, out);
  }

  /**
   * Writes into `out` the points within a radius grown until it holds at least `enough` of them or
   * reaches `maxKm`; returns how many. Cheaper than an exact k-nearest search, and a candidate
   * set only needs to be a good start.
   */
  around(x: number, y: number, enough: number, maxKm: number, out: number[]): number {
    let radius = Math.min(maxKm, this.spacingKm * Math.sqrt(Math.max(enough, 1)));
    for (;;) {
      const found = this.within(x, y, radius, out);
      if (found >= enough || radius >= maxKm) return found;
      radius = Math.min(maxKm, radius * 1.5);
    }
  }
}
