import { MILLI } from '../matching/min-cost-assignment';
import { LocalProjection, PointIndex } from '../matching/spatial-index';
import { blocksInWeek, type Availability, type TimeWindow } from './availability';
import type { RosterElder, RosterVolunteer } from './roster-people';

/** The cost terms of a pairing, in km-equivalents (see COSTS in plan-week.ts). */
export interface PairCostTerms {
  perKm: number;
  languageMismatch: number;
  genderMismatch: number;
  outsideGridOrTeam: number;
  previousVisitor: number;
  perExtraVisit: number;
  maxKm: number;
}


const GENDER_CODE = { F: 1, M: 2 } as const;

/**
 * A week's elders, volunteers and volunteer time slots as typed arrays (one entry per person or slot,
 * none per pair), with the pair cost computed from them. Distances are measured in one local
 * projection (see LocalProjection), so the kd-tree over volunteers bounds them exactly.
 */
export class RosterTables {
  readonly projection: LocalProjection;
  /** Volunteers offering at least one free slot; `volunteerOf` maps them back to the input. */
  readonly volunteerOf: Int32Array;
  readonly volunteerX: Float64Array;
  readonly volunteerY: Float64Array;
  readonly slotStart: Int32Array;
  readonly slotCount: Int32Array;
  readonly slotVolunteer: Int32Array;
  readonly slotExtra: Float64Array;
  readonly slotStartsAt: Float64Array;
  readonly slotEndsAt: Float64Array;
  readonly index: PointIndex;
  readonly elderX: Float64Array;
  readonly elderY: Float64Array;
  /** The elder's previous visitor among the indexed volunteers, or -1. */
  readonly elderPrevious: Int32Array;

  private readonly volunteerGrid: Int32Array;
  private readonly volunteerGender: Uint8Array;
  private readonly volunteerLanguages: Uint32Array;
  private readonly elderGrid: Int32Array;
  private readonly elderGender: Uint8Array;
  private readonly elderLanguages: Uint32Array;
  private readonly languageWords: number;
  private readonly terms: PairCostTerms;

  constructor(input: { weekStart: Date; elders: RosterElder[]; volunteers: RosterVolunteer[]; booked: Map<string, Date[]>; terms: PairCostTerms }) {
    const { elders, volunteers, terms } = input;
    this.terms = terms;
    this.projection = LocalProjection.around(elders.map((e) => e.location).concat(volunteers.map((v) => v.location)));

    // Only the elders' languages matter: a volunteer's other languages never avoid a mismatch.
    const languageBit = new Map<string, number>();
    for (const e of elders) for (const l of e.languages) if (!languageBit.has(l)) languageBit.set(l, languageBit.size);
    this.languageWords = Math.max(1, Math.ceil(languageBit.size / 32));
    const grids = new Map<string, number>();
    const gridOf = (id: string) => grids.get(id) ?? (grids.set(id, grids.size), grids.size - 1);

    const slots = slotsOfVolunteers(input.weekStart, volunteers, input.booked, terms.perExtraVisit * MILLI);
    const offering = slots.countOf.reduce((n, c) => n + (c > 0 ? 1 : 0), 0);
    this.volunteerOf = new Int32Array(offering);
    this.volunteerX = new Float64Array(offering);
    this.volunteerY = new Float64Array(offering);
    this.volunteerGrid = new Int32Array(offering);
    this.volunteerGender = new Uint8Array(offering);
    this.volunteerLanguages = new Uint32Array(offering * this.languageWords);
    this.slotStart = new Int32Array(offering);
    this.slotCount = new Int32Array(offering);
    // Looked up only for previous visitors: a map of every volunteer's id would cost more than it saves.
    const previousIds = new Map<string, number>();
    for (const e of elders) if (e.lastVolunteerId !== undefined) previousIds.set(e.lastVolunteerId, -1);
    const tableOfInput = new Int32Array(volunteers.length).fill(-1);
    let w = 0;
    volunteers.forEach((v, i) => {
      if (slots.countOf[i] === 0) return;
      this.volunteerOf[w] = i;
      this.volunteerX[w] = this.projection.x(v.location);
      this.volunteerY[w] = this.projection.y(v.location);
      this.volunteerGrid[w] = gridOf(v.gridId);
      this.volunteerGender[w] = v.gender ? GENDER_CODE[v.gender] : 0;
      this.setLanguages(this.volunteerLanguages, w, v.languages, languageBit);
      this.slotStart[w] = slots.firstOf[i]!;
      this.slotCount[w] = slots.countOf[i]!;
      if (previousIds.has(v.volunteerId)) previousIds.set(v.volunteerId, w);
      tableOfInput[i] = w;
      w += 1;
    });
    this.slotVolunteer = slots.volunteer.map((i) => tableOfInput[i]!);
    this.slotExtra = slots.extra;
    this.slotStartsAt = slots.startsAt;
    this.slotEndsAt = slots.endsAt;
    this.index = new PointIndex(this.volunteerX, this.volunteerY);

    this.elderX = new Float64Array(elders.length);
    this.elderY = new Float64Array(elders.length);
    this.elderGrid = new Int32Array(elders.length);
    this.elderGender = new Uint8Array(elders.length);
    this.elderLanguages = new Uint32Array(elders.length * this.languageWords);
    this.elderPrevious = new Int32Array(elders.length);
    elders.forEach((e, r) => {
      this.elderX[r] = this.projection.x(e.location);
      this.elderY[r] = this.projection.y(e.location);
      this.elderGrid[r] = gridOf(e.gridId);
      this.elderGender[r] = e.preferredGender ? GENDER_CODE[e.preferredGender] : 0;
      this.setLanguages(this.elderLanguages, r, e.languages, languageBit);
      this.elderPrevious[r] = e.lastVolunteerId !== undefined ? previousIds.get(e.lastVolunteerId)! : -1;
    });
  }

  get slots(): number {
    return this.slotVolunteer.length;
  }

  km(elder: number, volunteer: number): number {
    const dx = this.volunteerX[volunteer]! - this.elderX[elder]!;
    const dy = this.volunteerY[volunteer]! - this.elderY[elder]!;
    return Math.sqrt(dx * dx + dy * dy);
  }

  /** What pairing the elder with the volunteer costs before the volunteer's load, in thousandths. */
  pairCost(elder: number, volunteer: number, km: number): number {
    const t = this.terms;
    let penalty = 0;
    if (this.elderSpeaksNone(elder, volunteer)) penalty += t.languageMismatch;
    const wanted = this.elderGender[elder]!;
    if (wanted !== 0 && this.volunteerGender[volunteer] !== wanted) penalty += t.genderMismatch;
    if (this.elderGrid[elder] !== this.volunteerGrid[volunteer]) penalty += t.outsideGridOrTeam;
    if (this.elderPrevious[elder] === volunteer) penalty += t.previousVisitor;
    return Math.round(km * t.perKm * MILLI) + Math.round(penalty * MILLI);
  }

  /**
   * The least that anything but distance can add to the cost of a slot of a volunteer who is not the
   * elder's previous visitor: every term that may apply to such a pair, where negative (0 with the
   * costs as they are: only the previous visitor's term lowers a cost).
   */
  get costFloorOfStrangers(): number {
    const t = this.terms;
    let lowestExtra = 0;
    for (let s = 0; s < this.slotExtra.length; s += 1) lowestExtra = Math.min(lowestExtra, this.slotExtra[s]!);
    return Math.round((Math.min(0, t.languageMismatch) + Math.min(0, t.genderMismatch) + Math.min(0, t.outsideGridOrTeam)) * MILLI) + lowestExtra;
  }

  window(slot: number): TimeWindow {
    return { start: new Date(this.slotStartsAt[slot]!), end: new Date(this.slotEndsAt[slot]!) };
  }

  private elderSpeaksNone(elder: number, volunteer: number): boolean {
    const words = this.languageWords;
    let asks = 0;
    for (let k = 0; k < words; k += 1) {
      const wanted = this.elderLanguages[elder * words + k]!;
      asks |= wanted;
      if ((wanted & this.volunteerLanguages[volunteer * words + k]!) !== 0) return false;
    }
    return asks !== 0;
  }

  private setLanguages(masks: Uint32Array, at: number, languages: string[], bitOf: Map<string, number>): void {
    for (const l of languages) {
      const bit = bitOf.get(l);
      if (bit !== undefined) masks[at * this.languageWords + (bit >> 5)]! |= 1 << (bit & 31);
    }
  }
}

/**
 * The free blocks of each volunteer, at most their remaining weekly cap, the k-th costing k × the
 * per-visit extra. Block lists are computed once per availability pattern.
 */
function slotsOfVolunteers(weekStart: Date, volunteers: RosterVolunteer[], booked: Map<string, Date[]>, perExtraVisit: number) {
  const firstOf = new Int32Array(volunteers.length);
  const countOf = new Int32Array(volunteers.length);
  const freeOf: TimeWindow[][] = new Array(volunteers.length);
  const byArray = new Map<Availability, TimeWindow[]>();
  const byPattern = new Map<string, TimeWindow[]>();
  const blocksOf = (availability: Availability): TimeWindow[] => {
    let blocks = byArray.get(availability);
    if (blocks) return blocks;
    const pattern = JSON.stringify(availability);
    blocks = byPattern.get(pattern);
    if (!blocks) byPattern.set(pattern, (blocks = blocksInWeek(availability, weekStart)));
    byArray.set(availability, blocks);
    return blocks;
  };
  let total = 0;
  volunteers.forEach((v, i) => {
    firstOf[i] = total;
    const taken = booked.get(v.volunteerId);
    const remaining = v.maxVisitsPerWeek - (taken?.length ?? 0);
    if (remaining <= 0) return;
    const blocks = blocksOf(v.availability);
    const free = taken?.length ? blocks.filter((b) => !taken.some((t) => t.getTime() === b.start.getTime())) : blocks;
    freeOf[i] = free;
    countOf[i] = Math.min(remaining, free.length);
    total += countOf[i]!;
  });
  const volunteer = new Int32Array(total);
  const extra = new Float64Array(total);
  const startsAt = new Float64Array(total);
  const endsAt = new Float64Array(total);
  volunteers.forEach((v, i) => {
    const already = booked.get(v.volunteerId)?.length ?? 0;
    for (let k = 0; k < countOf[i]!; k += 1) {
      const s = firstOf[i]! + k;
      volunteer[s] = i;
      extra[s] = (already + k) * perExtraVisit;
      startsAt[s] = freeOf[i]![k]!.start.getTime();
      endsAt[s] = freeOf[i]![k]!.end.getTime();
    }
  });
  return { firstOf, countOf, volunteer, extra, startsAt, endsAt };
}
