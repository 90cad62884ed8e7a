import { MILLI, solveAssignment } from '../matching/min-cost-assignment';
import { LocalProjection, PointIndex } from '../matching/spatial-index';
import { SparseRowsBuilder } from '../matching/sparse-rows';
import { distanceKm } from '../geo';
import type { WishGroup } from './wish';

export interface OpenWish {
  wishId: string;
  group: WishGroup;
  category: string;
  location: { lat: number; lng: number };
  placesLeft: number;
  /** Days since publication (a wish returned by a lapsed claim counts from its first publication). */
  daysWaiting: number;
  returned: boolean;
}

export interface OptedInVolunteer {
  volunteerId: string;
  location: { lat: number; lng: number };
  /** Wish categories the volunteer said they like to help with; empty means any. */
  interests: string[];
  /** Suggestions the volunteer is willing to receive this week. */
  capacity: number;
}

/** In km-equivalents, like the visit roster: fit and distance, with urgency deciding who goes first. */
export const WISH_COSTS = { perKm: 1, outsideInterests: 4, maxKm: 15, candidates: 24 };
const GROUP_ORDER: WishGroup[] = ['elder', 'child', 'hardship'];

/**
 * Suggests open wishes to volunteers who opted in, as an exact minimum-cost assignment (the solver
 * shared with the visit roster): each open place of a wish is one row, each volunteer offers `capacity`
 * columns. Rows are ordered so that returned wishes come first, then the longest waiting, then by
 * group (一老一小一困): those are covered first when volunteers are scarce.
 */
export function suggestWishes(wishes: OpenWish[], volunteers: OptedInVolunteer[]) {
  const ordered = [...wishes].sort(
    (a, b) => Number(b.returned) - Number(a.returned) || b.daysWaiting - a.daysWaiting || GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || a.wishId.localeCompare(b.wishId),
  );
  const columnsOf: number[][] = [];
  const columnOwner: number[] = [];
  volunteers.forEach((v, vi) => {
    const own: number[] = [];
    for (let k = 0; k < v.capacity; k += 1) {
      own.push(columnOwner.length);
      columnOwner.push(vi);
    }
    columnsOf.push(own);
  });
  // The plane only finds who is near; cost is measured on the sphere. A little wider than maxKm, so
  // the plane's error across a city (well under 1 %) never drops anyone in range.
  const projection = LocalProjection.around(wishes.map((w) => w.location).concat(volunteers.map((v) => v.location)));
  const index = new PointIndex(Float64Array.from(volunteers, (v) => projection.x(v.location)), Float64Array.from(volunteers, (v) => projection.y(v.location)));
  const builder = new SparseRowsBuilder();
  const rowWish: OpenWish[] = [];
  const found: number[] = [];
  for (const wish of ordered) {
    const near: Array<{ vi: number; cost: number }> = [];
    const n = index.around(projection.x(wish.location), projection.y(wish.location), 2 * WISH_COSTS.candidates, WISH_COSTS.maxKm * 1.05, found);
    for (let k = 0; k < n; k += 1) {
      const v = volunteers[found[k]!]!;
      const km = distanceKm(wish.location, v.location);
      if (km > WISH_COSTS.maxKm) continue;
      const fit = v.interests.length === 0 || v.interests.includes(wish.category) ? 0 : WISH_COSTS.outsideInterests;
      near.push({ vi: found[k]!, cost: Math.round((km * WISH_COSTS.perKm + fit) * MILLI) });
    }
    near.sort((a, b) => a.cost - b.cost);
    const candidates = near.slice(0, WISH_COSTS.candidates);
    for (let place = 0; place < wish.placesLeft; place += 1) {
      for (const c of candidates) for (const column of columnsOf[c.vi]!) builder.add(column, c.cost);
      builder.endRow();
      rowWish.push(wish);
    }
  }
  const rows = builder.build();
  const result = solveAssignment({ rows, columns: columnOwner.length });
  const suggestions: Array<{ wishId: string; volunteerId: string; cost: number }> = [];
  const seen = new Set<string>();
  result.columnOfRow.forEach((column, r) => {
    if (column === -1) return;
    const volunteerId = volunteers[columnOwner[column]!]!.volunteerId;
    const key = `${rowWish[r]!.wishId}|${volunteerId}`;
    if (seen.has(key)) return;
    seen.add(key);
    let cost = 0;
    for (let e = rows.start[r]!; e < rows.start[r + 1]!; e += 1) if (rows.column[e] === column) cost = rows.cost[e]!;
    suggestions.push({ wishId: rowWish[r]!.wishId, volunteerId, cost: cost / MILLI });
  });
  return { suggestions, totalCost: result.totalCost / MILLI, unmatched: rowWish.length - result.covered };
}
