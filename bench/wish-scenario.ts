import { suggestWishes, type OpenWish, type OptedInVolunteer } from '../lib/domain/wishes/suggest';
import { random, syntheticDistrict } from './synthetic-district';

/** `npm run bench -- wishes`: 10k open wishes × 100k volunteers (half opted in), one process per run. */
const SCENARIOS: Record<string, { wishes: number; volunteers: number; sideKm: number }> = {
  '1k x 10k': { wishes: 1000, volunteers: 10000, sideKm: 30 },
  '10k x 100k': { wishes: 10000, volunteers: 100000, sideKm: 80 },
};
const name = process.argv[2]!;
const scenario = SCENARIOS[name]!;
const district = syntheticDistrict({ elders: scenario.wishes, volunteers: scenario.volunteers, sideKm: scenario.sideKm, seed: 7 });
const rnd = random(11);
const CATEGORIES = ['学习用品', '生活用品', '维修', '陪伴'];
const wishes: OpenWish[] = district.elders.map((e, i) => ({
  wishId: `W${i}`,
  group: (['elder', 'child', 'hardship'] as const)[i % 3]!,
  category: CATEGORIES[Math.floor(rnd() * CATEGORIES.length)]!,
  location: e.location,
  placesLeft: rnd() < 0.1 ? 2 : 1,
  daysWaiting: Math.floor(rnd() * 30),
  returned: rnd() < 0.05,
}));
const volunteers: OptedInVolunteer[] = district.volunteers
  .filter(() => rnd() < 0.5)
  .map((v) => ({ volunteerId: v.volunteerId, location: v.location, interests: rnd() < 0.5 ? [] : [CATEGORIES[Math.floor(rnd() * CATEGORIES.length)]!], capacity: 1 }));

const cpu = process.cpuUsage();
const t0 = performance.now();
const result = suggestWishes(wishes, volunteers);
const solveMs = performance.now() - t0;
const used = process.cpuUsage(cpu);

// First-come baseline: each wish place, in the same order, takes the cheapest free volunteer in range.
const taken = new Set<string>();
let greedyCost = 0;
let greedyCovered = 0;
for (const w of [...wishes].sort((a, b) => Number(b.returned) - Number(a.returned) || b.daysWaiting - a.daysWaiting)) {
  for (let p = 0; p < w.placesLeft; p += 1) {
    let best: { id: string; c: number } | undefined;
    for (const v of volunteers) {
      if (taken.has(v.volunteerId)) continue;
      const dLat = (v.location.lat - w.location.lat) * 111.2;
      if (Math.abs(dLat) > 15) continue;
      const dLng = (v.location.lng - w.location.lng) * 87;
      const km = Math.sqrt(dLat * dLat + dLng * dLng);
      if (km > 15) continue;
      const c = km + (v.interests.length === 0 || v.interests.includes(w.category) ? 0 : 4);
      if (!best || c < best.c) best = { id: v.volunteerId, c };
    }
    if (best) {
      taken.add(best.id);
      greedyCost += best.c;
      greedyCovered += 1;
    }
  }
}
process.stdout.write(
  `${JSON.stringify({
    scenario: name,
    places: wishes.reduce((n, w) => n + w.placesLeft, 0),
    volunteersOptedIn: volunteers.length,
    suggested: result.suggestions.length,
    solveMs: Math.round(solveMs),
    cpuMs: Math.round((used.user + used.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    totalCost: result.totalCost,
    greedy: { covered: greedyCovered, totalCost: Math.round(greedyCost * 1000) / 1000 },
  })}\n`,
);
