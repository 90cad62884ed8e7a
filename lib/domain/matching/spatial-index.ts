/** Buckets people by ~1 km cells so each row of a matching looks only at its neighbourhood. */
export class SpatialIndex {
  private readonly cells = new Map<string, number[]>();
  private static readonly CELL = 0.01;

  constructor(volunteers: ReadonlyArray<{ location: { lat: number; lng: number } }>) {
    volunteers.forEach((v, i) => {
      const key = this.key(v.location.lat, v.location.lng);
      const cell = this.cells.get(key);
      if (cell) cell.push(i);
      else this.cells.set(key, [i]);
    });
  }

  private key(lat: number, lng: number, dy = 0, dx = 0): string {
    return `${Math.floor(lat / SpatialIndex.CELL) + dy}:${Math.floor(lng / SpatialIndex.CELL) + dx}`;
  }

  /** Volunteers within `maxKm`, nearest rings first, stopping once `enough` are found. */
  near(point: { lat: number; lng: number }, enough: number, maxKm: number): number[] {
    const found: number[] = [];
    // Cells are 0.01° square: narrower east–west than north–south away from the equator.
    const narrowestCellKm = 111.2 * SpatialIndex.CELL * Math.cos(point.lat * (Math.PI / 180));
    const maxRing = Math.ceil(maxKm / narrowestCellKm);
    for (let ring = 0; ring <= maxRing && found.length < enough * 2; ring += 1) {
      for (let dy = -ring; dy <= ring; dy += 1) {
        for (let dx = -ring; dx <= ring; dx += 1) {
          if (Math.max(Math.abs(dy), Math.abs(dx)) !== ring) continue;
          for (const i of this.cells.get(this.key(point.lat, point.lng, dy, dx)) ?? []) found.push(i);
        }
      }
    }
    return found;
  }
}
