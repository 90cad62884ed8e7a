import { distanceKm } from './geo';
import type { Grid } from './reference';

export interface CaseLocation {
  gridId?: string | undefined;
  address?: string | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
}

/** Beyond this distance from every grid centre a coordinate is not trusted to route. */
const MAX_ROUTING_KM = 5;

/**
 * Picks the grid that owns a report: the grid the caller named, else the grid whose centre is nearest
 * the coordinates, else the grid whose street names appear in the address. `undefined` leaves the
 * report to the centre's triage.
 */
export function routeToGrid(location: CaseLocation, grids: readonly Grid[]): Grid | undefined {
  if (location.gridId) return grids.find((g) => g.gridId === location.gridId);
  if (location.lat !== undefined && location.lng !== undefined) {
    const point = { lat: location.lat, lng: location.lng };
    let best: { grid: Grid; km: number } | undefined;
    for (const grid of grids) {
      const km = distanceKm(point, grid.centroid);
      if (!best || km < best.km) best = { grid, km };
    }
    if (best && best.km <= MAX_ROUTING_KM) return best.grid;
  }
  if (location.address) {
    const address = location.address;
    let best: { grid: Grid; length: number } | undefined;
    for (const grid of grids) {
      for (const keyword of grid.addressKeywords) {
        if (address.includes(keyword) && (!best || keyword.length > best.length)) best = { grid, length: keyword.length };
      }
    }
    return best?.grid;
  }
  return undefined;
}
