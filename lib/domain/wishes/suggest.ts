import { solveAssignment } from '../matching/min-cost-assignment';
import { SpatialIndex } from '../matching/spatial-index';
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
  const index = new SpatialIndex(volunteers);
  const rows: Array<Array<{ column: number; cost: number }>> = [];
  const rowWish: OpenWish[] = [];
  for (const wish of ordered) {
    const near: Array<{ vi: number; cost: number }> = [];
    for (const vi of index.near(wish.location, WISH_COSTS.candidates, WISH_COSTS.maxKm)) {
      const v = volunteers[vi]!;
      const km = distanceKm(wish.location, v.location);
      if (km > WISH_COSTS.maxKm) continue;
      const fit = v.interests.length === 0 || v.interests.includes(wish.category) ? 0 : WISH_COSTS.outsideInterests;
      near.push({ vi, cost: Math.round((km * WISH_COSTS.perKm + fit) * 1000) / 1000 });
    }
    near.sort((a, b) => a.cost - b.cost);
    const candidates = near.slice(0, WISH_COSTS.candidates);
    for (let place = 0; place < wish.placesLeft; place += 1) {
      rows.push(candidates.flatMap((c) => columnsOf[c.vi]!.map((column) => ({ column, cost: c.cost }))));
      rowWish.push(wish);
    }
  }
  const result = solveAssignment({ rows, columns: columnOwner.length });
  const suggestions: Array<{ wishId: string; volunteerId: string; cost: number }> = [];
  const seen = new Set<string>();
  result.columnOfRow.forEach((column, r) => {
    if (column === -1) return;
    const volunteerId = volunteers[columnOwner[column]!]!.volunteerId;
    const key = `${rowWish[r]!.wishId}|${volunteerId}`;
    if (seen.has(key)) return;
    seen.add(key);
    suggestions.push({ wishId: rowWish[r]!.wishId, volunteerId, cost: rows[r]!.find((e) => e.column === column)!.cost });
  });
  return { suggestions, totalCost: Math.round(result.totalCost * 1000) / 1000, unmatched: rows.length - result.covered };
}
