import { blocksInWeek } from '../lib/domain/visits/availability';
import { distanceKm } from '../lib/domain/geo';
import { COSTS, pairCost, type RosterElder, type RosterVolunteer } from '../lib/domain/visits/plan-week';

/**
 * The baseline a coordinator's spreadsheet amounts to: elders in priority order, each takes the
 * cheapest volunteer block still free within range. No look-back, no re-assignment.
 */
export function greedyWeek(weekStart: Date, elders: RosterElder[], volunteers: RosterVolunteer[]) {
  const freeBlocks = volunteers.map((v) => blocksInWeek(v.availability, weekStart).length && Math.min(v.maxVisitsPerWeek, blocksInWeek(v.availability, weekStart).length));
  const used = volunteers.map(() => 0);
  const cells = new Map<string, number[]>();
  volunteers.forEach((v, i) => {
    const key = `${Math.floor(v.location.lat / 0.01)}:${Math.floor(v.location.lng / 0.01)}`;
    (cells.get(key) ?? cells.set(key, []).get(key)!).push(i);
  });
  let cost = 0;
  let covered = 0;
  const order = [...elders].sort((a, b) => ['high', 'key', 'general'].indexOf(a.riskTier) - ['high', 'key', 'general'].indexOf(b.riskTier));
  for (const elder of order) {
    let best: { i: number; c: number } | undefined;
    const cy = Math.floor(elder.location.lat / 0.01);
    const cx = Math.floor(elder.location.lng / 0.01);
    const rings = Math.ceil(COSTS.maxKm / 1.1);
    for (let dy = -rings; dy <= rings; dy += 1) {
      for (let dx = -rings; dx <= rings; dx += 1) {
        for (const i of cells.get(`${cy + dy}:${cx + dx}`) ?? []) {
          if (used[i]! >= freeBlocks[i]! || distanceKm(elder.location, volunteers[i]!.location) > COSTS.maxKm) continue;
          const c = pairCost(elder, volunteers[i]!) + used[i]! * COSTS.perExtraVisit;
          if (!best || c < best.c) best = { i, c };
        }
      }
    }
    if (!best) continue;
    used[best.i]! += 1;
    cost += best.c;
    covered += 1;
  }
  return { covered, totalCost: Math.round(cost * 1000) / 1000 };
}
