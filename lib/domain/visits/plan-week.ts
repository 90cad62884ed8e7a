import { solveAssignment } from '../matching/min-cost-assignment';
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

export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = (b.lat - a.lat) * 111.2;
  const dLng = (b.lng - a.lng) * 111.2 * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.sqrt(dLat * dLat + dLng * dLng);
}

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

export function pairCost(elder: RosterElder, volunteer: RosterVolunteer): number {
  let cost = distanceKm(elder.location, volunteer.location) * COSTS.perKm;
  if (elder.languages.length && !elder.languages.some((l) => volunteer.languages.includes(l))) cost += COSTS.languageMismatch;
  if (elder.preferredGender && volunteer.gender !== elder.preferredGender) cost += COSTS.genderMismatch;
  if (elder.gridId !== volunteer.gridId) cost += COSTS.outsideGridOrTeam;
  if (elder.lastVolunteerId === volunteer.volunteerId) cost += COSTS.previousVisitor;
  return Math.round(cost * 1000) / 1000;
}

/** Buckets volunteers by ~1 km cells so each elder looks only at its neighbourhood. */
class SpatialIndex {
  private readonly cells = new Map<string, number[]>();
  private static readonly CELL = 0.01;

  constructor(volunteers: RosterVolunteer[]) {
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
    const maxRing = Math.ceil(maxKm / 1.1);
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
}): RosterPlan {
  const due = input.elders.filter((e) => isDue(e, input.weekStart)).sort(priorityOrder);
  const index = new SpatialIndex(input.volunteers);
  const byId = new Map(input.volunteers.map((v, i) => [v.volunteerId, i]));

  // Columns: the free blocks of each volunteer, at most their remaining weekly cap.
  const slots: Array<{ volunteer: number; window: TimeWindow; extra: number }> = [];
  const slotsOf: number[][] = input.volunteers.map(() => []);
  input.volunteers.forEach((v, vi) => {
    const taken = input.booked.get(v.volunteerId) ?? [];
    const remaining = v.maxVisitsPerWeek - taken.length;
    if (remaining <= 0) return;
    const free = blocksInWeek(v.availability, input.weekStart).filter((b) => !taken.some((t) => t.getTime() === b.start.getTime()));
    free.slice(0, remaining).forEach((window, k) => {
      slotsOf[vi]!.push(slots.length);
      slots.push({ volunteer: vi, window, extra: (taken.length + k) * COSTS.perExtraVisit });
    });
  });

  const candidatesOf: number[][] = [];
  const rows = due.map((elder) => {
    const nearby = new Set(index.near(elder.location, COSTS.candidates, COSTS.maxKm));
    const previous = elder.lastVolunteerId !== undefined ? byId.get(elder.lastVolunteerId) : undefined;
    if (previous !== undefined) nearby.add(previous);
    const ranked = [...nearby]
      .filter((vi) => slotsOf[vi]!.length > 0 && distanceKm(elder.location, input.volunteers[vi]!.location) <= COSTS.maxKm)
      .map((vi) => ({ vi, cost: pairCost(elder, input.volunteers[vi]!), local: input.volunteers[vi]!.gridId === elder.gridId }))
      .sort((a, b) => Number(b.local) - Number(a.local) || a.cost - b.cost)
      .slice(0, COSTS.candidates);
    if (previous !== undefined && slotsOf[previous]!.length && !ranked.some((r) => r.vi === previous)) {
      ranked.push({ vi: previous, cost: pairCost(elder, input.volunteers[previous]!), local: true });
    }
    candidatesOf.push(ranked.map((r) => r.vi));
    return ranked.flatMap((r) => slotsOf[r.vi]!.map((column) => ({ column, cost: r.cost + slots[column]!.extra })));
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
    const backup = candidatesOf[r]!
      .filter((vi) => vi !== slot.volunteer)
      .map((vi) => ({ vi, cost: pairCost(elder, input.volunteers[vi]!) }))
      .sort((a, b) => a.cost - b.cost)[0];
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
