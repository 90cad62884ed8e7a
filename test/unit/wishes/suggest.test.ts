import fc from 'fast-check';
import { suggestWishes, WISH_COSTS, type OpenWish, type OptedInVolunteer } from '../../../lib/domain/wishes/suggest';
import { distanceKm } from '../../../lib/domain/geo';

const at = (y: number, x: number) => ({ lat: 38.5 + y * 0.01, lng: 102.2 + x * 0.01 });
const cost = (w: OpenWish, v: OptedInVolunteer) =>
  Math.round((distanceKm(w.location, v.location) * WISH_COSTS.perKm + (v.interests.length === 0 || v.interests.includes(w.category) ? 0 : WISH_COSTS.outsideInterests)) * 1000) / 1000;

/** Exact reference: the cheapest way to give exactly the wishes in `must` to volunteer slots. */
function bestCovering(wishes: OpenWish[], volunteers: OptedInVolunteer[], must: boolean[]): number {
  let best = Infinity;
  const load = volunteers.map(() => 0);
  const visit = (i: number, total: number): void => {
    if (i === wishes.length) {
      best = Math.min(best, total);
      return;
    }
    if (!must[i]) return visit(i + 1, total);
    volunteers.forEach((v, vi) => {
      if (load[vi]! >= v.capacity || distanceKm(wishes[i]!.location, v.location) > WISH_COSTS.maxKm) return;
      load[vi]! += 1;
      visit(i + 1, total + cost(wishes[i]!, v));
      load[vi]! -= 1;
    });
  };
  visit(0, 0);
  return best;
}

describe('suggestWishes', () => {
  const wishArb = fc.record({ y: fc.integer({ min: 0, max: 30 }), x: fc.integer({ min: 0, max: 30 }), cat: fc.constantFrom('学习用品', '维修'), days: fc.integer({ min: 0, max: 30 }) });
  const volArb = fc.record({ y: fc.integer({ min: 0, max: 30 }), x: fc.integer({ min: 0, max: 30 }), likes: fc.constantFrom([], ['学习用品'], ['维修']), cap: fc.integer({ min: 1, max: 2 }) });

  it('covers wishes greedily by urgency (as many as possible), at the exact minimum cost for those', () => {
    fc.assert(
      fc.property(fc.array(wishArb, { minLength: 1, maxLength: 5 }), fc.array(volArb, { minLength: 1, maxLength: 3 }), (ws, vs) => {
        const wishes: OpenWish[] = ws.map((w, i) => ({ wishId: `W${i}`, group: 'child', category: w.cat, location: at(w.y, w.x), placesLeft: 1, daysWaiting: w.days, returned: false }));
        const volunteers: OptedInVolunteer[] = vs.map((v, i) => ({ volunteerId: `V${i}`, location: at(v.y, v.x), interests: [...v.likes], capacity: v.cap }));
        const result = suggestWishes(wishes, volunteers);
        // The matcher's order: longest waiting first (none is returned here), then by id.
        const order = wishes.map((_, i) => i).sort((a, b) => wishes[b]!.daysWaiting - wishes[a]!.daysWaiting || wishes[a]!.wishId.localeCompare(wishes[b]!.wishId));
        const ordered = order.map((i) => wishes[i]!);
        const must = ordered.map(() => false);
        for (let i = 0; i < ordered.length; i += 1) {
          must[i] = true;
          if (bestCovering(ordered, volunteers, must) === Infinity) must[i] = false;
        }
        const expectedIds = ordered.filter((_, i) => must[i]).map((w) => w.wishId).sort();
        expect(result.suggestions.map((x) => x.wishId).sort()).toEqual(expectedIds);
        expect(result.totalCost).toBeCloseTo(bestCovering(ordered, volunteers, must), 6);
      }),
      { numRuns: 200 },
    );
  });

  it('serves a wish returned by a lapsed claim before others when volunteers are scarce', () => {
    const base = { group: 'child' as const, category: '学习用品', location: at(0, 0), placesLeft: 1, daysWaiting: 10 };
    const { suggestions } = suggestWishes(
      [{ ...base, wishId: 'W-new', returned: false, daysWaiting: 30 }, { ...base, wishId: 'W-returned', returned: true }],
      [{ volunteerId: 'V1', location: at(0, 1), interests: [], capacity: 1 }],
    );
    expect(suggestions.map((s) => s.wishId)).toEqual(['W-returned']);
  });
});
