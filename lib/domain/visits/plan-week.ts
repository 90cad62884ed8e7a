import { distanceKm } from '../geo';
import { solveAssignment } from '../matching/min-cost-assignment';
import { SpatialIndex } from '../matching/spatial-index';
import { blocksInWeek, type Availability, type TimeWindow } from './availability';

export const RISK_TIERS = ['high', 'key', 'general'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];
/** Visit frequency by risk tier: high weekly, key monthly, general quarterly. */
export const VISIT_EVERY_DAYS: Record<RiskTier, number> = { high: 7, key: 28, general: 91 };

export interface RosterElder {
  elderId: string;
  gridId: string;
  location: { lat: number; lng: number };
  riskTier: RiskTier;
  languages: string[];
  preferredGender?: 'F' | 'M';
  lastVisitAt?: string;
  lastVolunteerId?: string;
}

export interface RosterVolunteer {
  volunteerId: string;
  gridId: string;
  teamId?: string;
  location: { lat: number; lng: number };
  gender?: 'F' | 'M';
  languages: string[];
  availability: Availability;
  maxVisitsPerWeek: number;
  /** Micro-wishes: whether suggestions are welcome, which kinds, how many a week. */
  wishes?: { optIn: boolean; interests: string[]; perWeek: number };
}

export interface PlannedVisit {
  elderId: string;
  volunteerId: string;
  backupVolunteerId?: string;
  window: TimeWindow;
  cost: number;
}

export interface RosterPlan {
  visits: PlannedVisit[];
  uncovered: Array<{ elderId: string; gridId: string; reason: 'no-volunteer-nearby' | 'no-free-slot' }>;
  totalCost: number;
}

/** What a pairing costs, in km-equivalents. Documented in the README. */
export const COSTS = {
  perKm: 1,
  languageMismatch: 5,
  genderMismatch: 3,
  outsideGridOrTeam: 2,
  previousVisitor: -4,
  /** The k-th visit a volunteer makes in a week costs k × this more: load is spread fairly. */
  perExtraVisit: 1.5,
  /** Candidates per elder: same grid or team first, then the nearest others. */
  candidates: 24,
  maxKm: 8,
};

export function isDue(elder: RosterElder, weekStart: Date): boolean {
  if (!elder.lastVisitAt) return true;
  const days = (weekStart.getTime() - Date.parse(elder.lastVisitAt)) / 86400_000;
  return days + 7 > VISIT_EVERY_DAYS[elder.riskTier];
}

/** Who is planned first when there is not enough for everyone: higher risk, then longest unvisited. */
function priorityOrder(a: RosterElder, b: RosterElder): number {
  const tier = RISK_TIERS.indexOf(a.riskTier) - RISK_TIERS.indexOf(b.riskTier);
  if (tier !== 0) return tier;
  return (a.lastVisitAt ?? '').localeCompare(b.lastVisitAt ?? '') || a.elderId.localeCompare(b.elderId);
}

export function pairCost(elder: RosterElder, volunteer: RosterVolunteer, km = distanceKm(elder.location, volunteer.location)): number {
  let cost = km * COSTS.perKm;
  if (elder.languages.length && !elder.languages.some((l) => volunteer.languages.includes(l))) cost += COSTS.languageMismatch;
  if (elder.preferredGender && volunteer.gender !== elder.preferredGender) cost += COSTS.genderMismatch;
  if (elder.gridId !== volunteer.gridId) cost += COSTS.outsideGridOrTeam;
  if (elder.lastVolunteerId === volunteer.volunteerId) cost += COSTS.previousVisitor;
  return Math.round(cost * 1000) / 1000;
}

/**
 * Plans one week of companionship visits as an exact minimum-cost assignment of due elders to
 * volunteer time blocks (see min-cost-assignment.ts). Availability is a hard constraint (only offered
 * blocks exist), a volunteer's cap bounds their blocks, blocks already booked are not offered again,
 * and each block holds one visit, so nobody is double-booked. Every visit gets the cheapest other
 * candidate as its backup. Elders who cannot be covered are returned, never dropped.
 */
export function planWeek(input: {
  weekStart: Date;
  elders: RosterElder[];
  volunteers: RosterVolunteer[];
  /** Blocks already booked this week (kept as they are), by volunteer. */
  booked: Map<string, Date[]>;
  /** Candidates per elder; `Infinity` considers everyone within range (the exact reference). */
  candidates?: number;
}): RosterPlan {
  const limit = input.candidates ?? COSTS.candidates;
  const due = input.elders.filter((e) => isDue(e, input.weekStart)).sort(priorityOrder);
  const index = new SpatialIndex(input.volunteers);
  const byId = new Map(input.volunteers.map((v, i) => [v.volunteerId, i]));

  // Columns: the free blocks of each volunteer, at most their remaining weekly cap. Made only for
  // volunteers someone can use, with block lists shared by everyone offering the same availability.
  const slots: Array<{ volunteer: number; window: TimeWindow; extra: number }> = [];
  const slotsOf: Array<number[] | undefined> = new Array(input.volunteers.length);
  const blocksByPattern = new Map<string, TimeWindow[]>();
  const slotsFor = (vi: number): number[] => {
    const known = slotsOf[vi];
    if (known) return known;
    const v = input.volunteers[vi]!;
    const taken = input.booked.get(v.volunteerId) ?? [];
    const own: number[] = [];
    const remaining = v.maxVisitsPerWeek - taken.length;
    if (remaining > 0) {
      const pattern = JSON.stringify(v.availability);
      let blocks = blocksByPattern.get(pattern);
      if (!blocks) blocksByPattern.set(pattern, (blocks = blocksInWeek(v.availability, input.weekStart)));
      const free = taken.length ? blocks.filter((b) => !taken.some((t) => t.getTime() === b.start.getTime())) : blocks;
      for (let k = 0; k < Math.min(remaining, free.length); k += 1) {
        own.push(slots.length);
        slots.push({ volunteer: vi, window: free[k]!, extra: (taken.length + k) * COSTS.perExtraVisit });
      }
    }
    slotsOf[vi] = own;
    return own;
  };

  // The hot loop of a 10k × 100k week: scratch arrays are reused, each pair's distance computed once.
  const candidatesOf: Array<Array<{ vi: number; cost: number }>> = [];
  const scratchVi = new Int32Array(4096);
  const scratchCost = new Float64Array(4096);
  const scratchKey = new Float64Array(4096);
  const order: number[] = [];
  const rows = due.map((elder) => {
    const nearby = index.near(elder.location, limit, COSTS.maxKm);
    const previous = elder.lastVolunteerId !== undefined ? byId.get(elder.lastVolunteerId) : undefined;
    if (previous !== undefined && !nearby.includes(previous)) nearby.push(previous);
    const kmPerLng = 111.2 * Math.cos(elder.location.lat * (Math.PI / 180));
    let n = 0;
    let previousAt = -1;
    for (const vi of nearby) {
      if (n === scratchVi.length) break;
      const volunteer = input.volunteers[vi]!;
      const dy = (volunteer.location.lat - elder.location.lat) * 111.2;
      const dx = (volunteer.location.lng - elder.location.lng) * kmPerLng;
      const km = Math.sqrt(dy * dy + dx * dx);
      if (km > COSTS.maxKm || slotsFor(vi).length === 0) continue;
      const cost = pairCost(elder, volunteer, km);
      scratchVi[n] = vi;
      scratchCost[n] = cost;
      // Same grid first, then by cost.
      scratchKey[n] = (volunteer.gridId === elder.gridId ? 0 : 1e9) + cost;
      if (vi === previous) previousAt = n;
      n += 1;
    }
    order.length = n;
    for (let i = 0; i < n; i += 1) order[i] = i;
    order.sort((a, b) => scratchKey[a]! - scratchKey[b]!);
    const chosen: Array<{ vi: number; cost: number }> = [];
    let hasPrevious = false;
    for (let i = 0; i < Math.min(n, limit); i += 1) {
      const at = order[i]!;
      if (at === previousAt) hasPrevious = true;
      chosen.push({ vi: scratchVi[at]!, cost: scratchCost[at]! });
    }
    if (previousAt !== -1 && !hasPrevious) chosen.push({ vi: scratchVi[previousAt]!, cost: scratchCost[previousAt]! });
    candidatesOf.push(chosen);
    const edges: Array<{ column: number; cost: number }> = [];
    for (const c of chosen) for (const column of slotsFor(c.vi)) edges.push({ column, cost: c.cost + slots[column]!.extra });
    return edges;
  });

  const result = solveAssignment({ rows, columns: slots.length });
  const visits: PlannedVisit[] = [];
  const uncovered: RosterPlan['uncovered'] = [];
  due.forEach((elder, r) => {
    const column = result.columnOfRow[r]!;
    if (column === -1) {
      uncovered.push({ elderId: elder.elderId, gridId: elder.gridId, reason: candidatesOf[r]!.length ? 'no-free-slot' : 'no-volunteer-nearby' });
      return;
    }
    const slot = slots[column]!;
    const primary = input.volunteers[slot.volunteer]!;
    const backup = candidatesOf[r]!.filter((c) => c.vi !== slot.volunteer).sort((a, b) => a.cost - b.cost)[0];
    visits.push({
      elderId: elder.elderId,
      volunteerId: primary.volunteerId,
      ...(backup ? { backupVolunteerId: input.volunteers[backup.vi]!.volunteerId } : {}),
      window: slot.window,
      cost: rows[r]!.find((e) => e.column === column)!.cost,
    });
  });
  return { visits, uncovered, totalCost: Math.round(result.totalCost * 1000) / 1000 };
}
