import munkres from 'munkres';
import { MILLI } from '../lib/domain/matching/min-cost-assignment';
import { COSTS, dueInPriorityOrder, planWeek } from '../lib/domain/visits/plan-week';
import { RosterTables } from '../lib/domain/visits/roster-tables';
import { greedyWeek } from './roster-greedy';
import { checkRosterByLp } from './roster-lp-oracle';
import { syntheticDistrict } from './synthetic-district';

/**
 * One scenario in its own process, so the peak memory it reports is its own (taken right after the
 * planner, before any check runs). Prints one JSON line. Checks, where the instance is small enough:
 * `lp` the HiGHS LP oracle over all pairs; `everyPair` the planner started from every pair in range;
 * `munkres` the munkres package on the same cost matrix (a dense district: every pair in range).
 */
const ROSTER_SCENARIOS: Record<string, { elders: number; volunteers: number; sideKm: number; capMax?: number; lp?: boolean; everyPair?: boolean; munkres?: boolean }> = {
  '1k x 10k': { elders: 1000, volunteers: 10000, sideKm: 30, lp: true, everyPair: true },
  '1k x 700 (tight)': { elders: 1000, volunteers: 700, sideKm: 20, capMax: 2, lp: true, everyPair: true },
  '10k x 100k': { elders: 10000, volunteers: 100000, sideKm: 80 },
  '10k x 10k (short supply)': { elders: 10000, volunteers: 10000, sideKm: 80 },
  'dense 2000 x 2000': { elders: 2000, volunteers: 2000, sideKm: 5, capMax: 1, munkres: true },
  '150 x 100 (small)': { elders: 150, volunteers: 100, sideKm: 12, capMax: 2, lp: true, everyPair: true },
};

async function main(name: string): Promise<void> {
  const scenario = ROSTER_SCENARIOS[name];
  if (!scenario) throw new Error(`unknown scenario ${name}; one of ${Object.keys(ROSTER_SCENARIOS).join(', ')}`);
  const weekStart = new Date('2026-11-22T16:00:00Z');
  const { elders, volunteers } = syntheticDistrict({ ...scenario, seed: 20261123 });
  const input = { weekStart, elders, volunteers, booked: new Map<string, Date[]>() };

  const rssBeforeMb = Math.round(process.memoryUsage().rss / 1048576);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const plan = planWeek(input);
  const plannerMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const covered = new Set(plan.visits.map((v) => v.elderId));

  const greedy = greedyWeek(weekStart, dueInPriorityOrder(elders, weekStart), volunteers);
  let everyPair: { sameCovered: boolean; totalCost: number; ms: number } | undefined;
  if (scenario.everyPair) {
    const t0 = performance.now();
    const reference = planWeek({ ...input, candidates: Infinity });
    const ms = Math.round(performance.now() - t0);
    everyPair = { sameCovered: reference.visits.length === covered.size && reference.visits.every((v) => covered.has(v.elderId)), totalCost: reference.totalCost, ms };
  }
  let lp: { optimum: number; greedyBasisHolds: boolean; lps: number; pairs: number; ms: number } | undefined;
  if (scenario.lp) {
    const t0 = performance.now();
    lp = { ...(await checkRosterByLp(input, { coveredElderIds: covered })), ms: Math.round(performance.now() - t0) };
  }
  const peer = scenario.munkres ? munkresOn(input) : undefined;

  process.stdout.write(
    `${JSON.stringify({
      scenario: name,
      dueElders: plan.visits.length + plan.uncovered.length,
      covered: plan.visits.length,
      plannerMs: Math.round(plannerMs),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      peakRssMb,
      rssBeforeMb,
      totalCost: plan.totalCost,
      certificate: plan.certificate,
      lp: lp && { ...lp, gapPct: gapPct(plan.totalCost, lp.optimum) },
      everyPair,
      munkres: peer && { ...peer, gapPct: gapPct(plan.totalCost, peer.totalCost) },
      greedy: { ...greedy, worsePct: greedy.covered === plan.visits.length ? gapPct(greedy.totalCost, plan.totalCost) : undefined },
    })}\n`,
  );
}

function gapPct(cost: number, reference: number): number {
  return Math.round(((cost - reference) / Math.abs(reference || 1)) * 100_000) / 1000;
}

/** The same instance as a dense cost matrix (due elders × free slots), solved by munkres. */
function munkresOn(input: Parameters<typeof planWeek>[0]) {
  const due = dueInPriorityOrder(input.elders, input.weekStart);
  const tables = new RosterTables({ ...input, elders: due, terms: COSTS });
  const t0 = performance.now();
  const matrix = due.map((_, r) => {
    const row = new Float64Array(tables.slots).fill(Infinity);
    for (let s = 0; s < tables.slots; s += 1) {
      const w = tables.slotVolunteer[s]!;
      const km = tables.km(r, w);
      if (km <= COSTS.maxKm) row[s] = tables.pairCost(r, w, km) + tables.slotExtra[s]!;
    }
    return row;
  });
  const pairs = munkres(matrix);
  const ms = Math.round(performance.now() - t0);
  const total = pairs.reduce((sum, [r, s]) => sum + matrix[r]![s]!, 0);
  return { totalCost: total / MILLI, covered: pairs.length, ms };
}

main(process.argv[2]!).then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  },
);
