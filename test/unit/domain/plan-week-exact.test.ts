import fc from 'fast-check';
import { checkRosterByLp } from '../../../bench/roster-lp-oracle';
import { planWeek, type RosterElder, type RosterVolunteer } from '../../../lib/domain/visits/plan-week';

const WEEK = new Date('2026-11-22T16:00:00Z'); // Monday 2026-11-23 00:00 Asia/Shanghai
// Steps of ~1.1 km north and ~0.87 km east: a 12 × 12 board is wider than the 8 km range.
const at = (y: number, x: number) => ({ lat: 38.5 + y * 0.01, lng: 102.18 + x * 0.01 });
const AVAILABILITY: RosterVolunteer['availability'][] = [
  [{ days: ['SAT'], from: '09:00', to: '13:00' }],
  [{ days: ['MON', 'WED'], from: '18:00', to: '20:00' }],
  [{ days: ['26'], from: '09:00', to: '12:00' }],
];

const volunteerArb = fc.record({
  y: fc.integer({ min: 0, max: 12 }),
  x: fc.integer({ min: 0, max: 12 }),
  grid: fc.constantFrom('G1', 'G2'),
  gender: fc.constantFrom('F' as const, 'M' as const),
  dialect: fc.boolean(),
  availability: fc.constantFrom(...AVAILABILITY),
  cap: fc.integer({ min: 1, max: 3 }),
  bookedFirst: fc.boolean(),
});
const elderArb = fc.record({
  y: fc.integer({ min: 0, max: 12 }),
  x: fc.integer({ min: 0, max: 12 }),
  grid: fc.constantFrom('G1', 'G2'),
  tier: fc.constantFrom('high' as const, 'key' as const, 'general' as const),
  dialect: fc.boolean(),
  wantsWoman: fc.boolean(),
  previous: fc.option(fc.nat(), { nil: undefined }),
});
const weekArb = fc.record({
  volunteers: fc.array(volunteerArb, { maxLength: 7 }),
  elders: fc.array(elderArb, { maxLength: 12 }),
  candidates: fc.integer({ min: 1, max: 3 }),
});

type Draw<A> = A extends fc.Arbitrary<infer T> ? T : never;

function week({ volunteers: vs, elders: es }: { volunteers: Array<Draw<typeof volunteerArb>>; elders: Array<Draw<typeof elderArb>> }) {
  const volunteers: RosterVolunteer[] = vs.map((v, i) => ({
    volunteerId: `V${i}`,
    gridId: v.grid,
    location: at(v.y, v.x),
    gender: v.gender,
    languages: v.dialect ? ['zh', 'gansu-dialect'] : ['zh'],
    availability: v.availability,
    maxVisitsPerWeek: v.cap,
  }));
  const elders: RosterElder[] = es.map((e, i) => ({
    elderId: `E${i}`,
    gridId: e.grid,
    location: at(e.y, e.x),
    riskTier: e.tier,
    languages: e.dialect ? ['gansu-dialect'] : ['zh'],
    ...(e.wantsWoman ? { preferredGender: 'F' as const } : {}),
    ...(e.previous !== undefined && vs.length ? { lastVolunteerId: `V${e.previous % vs.length}`, lastVisitAt: '2026-11-02T02:00:00Z' } : {}),
  }));
  // Some volunteers already have their first Saturday block booked this week.
  const booked = new Map<string, Date[]>();
  vs.forEach((v, i) => v.bookedFirst && v.availability === AVAILABILITY[0] && booked.set(`V${i}`, [new Date('2026-11-28T01:00:00Z')]));
  return { weekStart: WEEK, elders, volunteers, booked };
}

const coveredIds = (plan: ReturnType<typeof planWeek>) => new Set(plan.visits.map((v) => v.elderId));

describe('planWeek is exact over every pair in range, whatever candidates it starts from', () => {
  it('covers the same elders at the same cost as the HiGHS LP oracle and as starting from every pair', async () => {
    await fc.assert(
      fc.asyncProperty(weekArb, async (arb) => {
        const input = week(arb);
        const plan = planWeek({ ...input, candidates: arb.candidates });
        const everyPair = planWeek({ ...input, candidates: Infinity });
        const lp = await checkRosterByLp(input, { coveredElderIds: coveredIds(plan) });

        expect(plan.certificate.violations).toBe(0);
        expect([...coveredIds(plan)].sort()).toEqual([...coveredIds(everyPair)].sort());
        expect(lp.greedyBasisHolds).toBe(true);
        expect(plan.totalCost).toBeCloseTo(lp.optimum, 6);
        expect(plan.totalCost).toBeCloseTo(everyPair.totalCost, 6);
      }),
      { numRuns: 150 },
    );
  });

  it('covers the elder a narrow candidate set could not: their search lists every pair in range', () => {
    // E0 (first) takes V0's only block; E1's one candidate is V0, but V1, further away, is free.
    const input = {
      weekStart: WEEK,
      elders: [
        { elderId: 'E0', gridId: 'G1', location: at(0, 0), riskTier: 'high' as const, languages: ['zh'] },
        { elderId: 'E1', gridId: 'G1', location: at(0, 1), riskTier: 'key' as const, languages: ['zh'] },
      ],
      volunteers: [0, 5].map((x, i) => ({ volunteerId: `V${i}`, gridId: 'G1', location: at(0, x), gender: 'F' as const, languages: ['zh'], availability: AVAILABILITY[2]!, maxVisitsPerWeek: 1 })),
      booked: new Map(),
    };
    const plan = planWeek({ ...input, candidates: 1 });
    expect(plan.visits.map((v) => [v.elderId, v.volunteerId])).toEqual([
      ['E0', 'V0'],
      ['E1', 'V1'],
    ]);
    expect(plan.uncovered).toEqual([]);
    expect(plan.certificate.pairsListedForCoverage).toBeGreaterThan(0);
    expect(plan.certificate.violations).toBe(0);
  });
});
