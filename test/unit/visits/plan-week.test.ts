import fc from 'fast-check';
import { blocksInWeek, nextWeekStart } from '../../../lib/domain/visits/availability';
import { COSTS, planWeek, type RosterElder, type RosterVolunteer } from '../../../lib/domain/visits/plan-week';

const WEEK = new Date('2026-11-22T16:00:00Z'); // Monday 2026-11-23 00:00 Asia/Shanghai
const at = (lat: number, lng: number) => ({ lat: 38.5 + lat * 0.01, lng: 102.18 + lng * 0.01 });

const elder = (id: string, extra: Partial<RosterElder> = {}): RosterElder => ({ elderId: id, gridId: 'G01', location: at(0, 0), riskTier: 'high', languages: ['zh'], ...extra });
const volunteer = (id: string, extra: Partial<RosterVolunteer> = {}): RosterVolunteer => ({
  volunteerId: id,
  gridId: 'G01',
  location: at(0, 0),
  languages: ['zh'],
  availability: [{ days: ['SAT'], from: '09:00', to: '11:00' }],
  maxVisitsPerWeek: 1,
  gender: 'F',
  ...extra,
});

describe('availability', () => {
  it('offers the 6th/16th/26th and Saturdays, in 2-hour blocks, in Asia/Shanghai time', () => {
    const blocks = blocksInWeek(
      [
        { days: ['26'], from: '09:00', to: '12:00' },
        { days: ['SAT'], from: '14:00', to: '16:00' },
      ],
      WEEK,
    );
    expect(blocks.map((b) => [b.start.toISOString(), b.end.toISOString()])).toEqual([
      ['2026-11-26T01:00:00.000Z', '2026-11-26T03:00:00.000Z'],
      ['2026-11-26T03:00:00.000Z', '2026-11-26T04:00:00.000Z'],
      ['2026-11-28T06:00:00.000Z', '2026-11-28T08:00:00.000Z'],
    ]);
  });

  it('plans the week that starts on the coming Monday', () => {
    expect(nextWeekStart(new Date('2026-11-22T12:00:00Z')).toISOString()).toBe(WEEK.toISOString());
    expect(nextWeekStart(new Date('2026-11-23T01:00:00Z')).toISOString()).toBe('2026-11-29T16:00:00.000Z');
  });
});

describe('planWeek', () => {
  it('keeps the previous visitor when feasible, even if another is nearer', () => {
    const plan = planWeek({
      weekStart: WEEK,
      elders: [elder('E1', { lastVolunteerId: 'V-far', lastVisitAt: '2026-11-16T02:00:00Z', location: at(0, 0) })],
      volunteers: [volunteer('V-near', { location: at(0, 1) }), volunteer('V-far', { location: at(0, 2) })],
      booked: new Map(),
    });
    expect(plan.visits).toMatchObject([{ elderId: 'E1', volunteerId: 'V-far', backupVolunteerId: 'V-near' }]);
  });

  it("never names as backup someone visiting another elder at that hour, planned now or booked before", () => {
    // E1 and E2 are visited in the same Saturday block by their nearest volunteers. Each of those is
    // the other's cheapest alternative, but busy then; V-sunday, farther, is free at that hour.
    const plan = planWeek({
      weekStart: WEEK,
      elders: [elder('E1', { location: at(0, 0) }), elder('E2', { location: at(0, 1) })],
      volunteers: [
        volunteer('V1', { location: at(0, 0) }),
        volunteer('V2', { location: at(0, 1) }),
        volunteer('V-sunday', { location: at(0, 4), availability: [{ days: ['SUN'], from: '09:00', to: '11:00' }] }),
        // Next to E1 with a Sunday block left to offer, but already booked for Saturday 09:00.
        volunteer('V-booked', { location: at(0, 0), maxVisitsPerWeek: 2, availability: [{ days: ['SAT', 'SUN'], from: '09:00', to: '11:00' }] }),
      ],
      booked: new Map([['V-booked', [new Date('2026-11-28T01:00:00Z')]]]),
    });
    expect(plan.visits.map((v) => [v.elderId, v.volunteerId, v.backupVolunteerId])).toEqual([
      ['E1', 'V1', 'V-sunday'],
      ['E2', 'V2', 'V-sunday'],
    ]);
  });

  it('respects language and gender preferences when it can', () => {
    const plan = planWeek({
      weekStart: WEEK,
      elders: [elder('E1', { languages: ['gansu-dialect'], preferredGender: 'M' })],
      volunteers: [volunteer('V-zh-F'), volunteer('V-dialect-M', { languages: ['zh', 'gansu-dialect'], gender: 'M', location: at(1, 1) })],
      booked: new Map(),
    });
    expect(plan.visits[0]!.volunteerId).toBe('V-dialect-M');
  });

  it('lists the elders it cannot cover, high risk covered first', () => {
    const plan = planWeek({
      weekStart: WEEK,
      elders: [elder('E-general', { riskTier: 'general' }), elder('E-high', { riskTier: 'high' })],
      volunteers: [volunteer('V1')],
      booked: new Map(),
    });
    expect(plan.visits.map((v) => v.elderId)).toEqual(['E-high']);
    expect(plan.uncovered).toEqual([{ elderId: 'E-general', gridId: 'G01', reason: 'no-free-slot' }]);
  });

  it('does not plan elders who are not due, nor offer blocks already booked', () => {
    const plan = planWeek({
      weekStart: WEEK,
      elders: [elder('E-recent', { riskTier: 'key', lastVisitAt: '2026-11-10T02:00:00Z' }), elder('E-due')],
      volunteers: [volunteer('V1', { maxVisitsPerWeek: 2, availability: [{ days: ['SAT'], from: '09:00', to: '13:00' }] })],
      booked: new Map([['V1', [new Date('2026-11-28T01:00:00Z')]]]),
    });
    expect(plan.visits).toMatchObject([{ elderId: 'E-due', volunteerId: 'V1', window: { start: new Date('2026-11-28T03:00:00Z') } }]);
  });

  const elderArb = fc.record({
    elderId: fc.uuid(),
    lat: fc.integer({ min: 0, max: 20 }),
    lng: fc.integer({ min: 0, max: 20 }),
    riskTier: fc.constantFrom('high' as const, 'key' as const, 'general' as const),
    dialect: fc.boolean(),
  });
  const volunteerArb = fc.record({
    volunteerId: fc.uuid(),
    lat: fc.integer({ min: 0, max: 20 }),
    lng: fc.integer({ min: 0, max: 20 }),
    cap: fc.integer({ min: 1, max: 3 }),
    days: fc.subarray(['MON', 'WED', 'SAT', '26'] as const, { minLength: 1 }),
  });

  it('never double-books, never exceeds a cap, uses only offered blocks, and gives a distinct backup', () => {
    fc.assert(
      fc.property(fc.array(elderArb, { maxLength: 30 }), fc.array(volunteerArb, { maxLength: 15 }), (es, vs) => {
        const volunteers = vs.map((v) => volunteer(v.volunteerId, { location: at(v.lat, v.lng), maxVisitsPerWeek: v.cap, availability: [{ days: [...v.days], from: '09:00', to: '15:00' }] }));
        const elders = es.map((e) => elder(e.elderId, { location: at(e.lat, e.lng), riskTier: e.riskTier, languages: e.dialect ? ['gansu-dialect'] : ['zh'] }));
        const plan = planWeek({ weekStart: WEEK, elders, volunteers, booked: new Map() });
        const bookings = plan.visits.map((v) => `${v.volunteerId}@${v.window.start.toISOString()}`);
        expect(new Set(bookings).size).toBe(bookings.length);
        for (const v of volunteers) {
          const mine = plan.visits.filter((p) => p.volunteerId === v.volunteerId);
          expect(mine.length).toBeLessThanOrEqual(v.maxVisitsPerWeek);
          const offered = blocksInWeek(v.availability, WEEK).map((b) => b.start.getTime());
          for (const p of mine) expect(offered).toContain(p.window.start.getTime());
        }
        for (const p of plan.visits) expect(p.backupVolunteerId).not.toBe(p.volunteerId);
        // Every elder here is due: each is either visited or listed as uncovered.
        expect(plan.visits.length + plan.uncovered.length).toBe(elders.length);
      }),
      { numRuns: 150 },
    );
  });

  it('costs what its pairs cost, with fairness rising per extra visit', () => {
    const plan = planWeek({
      weekStart: WEEK,
      elders: [elder('E1'), elder('E2')],
      volunteers: [volunteer('V1', { maxVisitsPerWeek: 2, availability: [{ days: ['SAT'], from: '09:00', to: '13:00' }] })],
      booked: new Map(),
    });
    expect(plan.visits).toHaveLength(2);
    expect(plan.totalCost).toBeCloseTo(COSTS.perExtraVisit, 6);
  });
});
