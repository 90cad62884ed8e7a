import { dueInPriorityOrder, planWeek } from '../lib/domain/visits/plan-week';
import { greedyWeek } from './roster-greedy';
import { syntheticDistrict } from './synthetic-district';

/** One scenario in its own process, so the peak memory it reports is its own. Prints one JSON line. */
const SCENARIOS: Record<string, { elders: number; volunteers: number; sideKm: number; capMax?: number; exact: boolean }> = {
  '1k x 10k': { elders: 1000, volunteers: 10000, sideKm: 30, exact: true },
  '1k x 700 (tight)': { elders: 1000, volunteers: 700, sideKm: 20, capMax: 2, exact: true },
  '10k x 100k': { elders: 10000, volunteers: 100000, sideKm: 80, exact: false },
};

const name = process.argv[2]!;
const scenario = SCENARIOS[name];
if (!scenario) throw new Error(`unknown scenario ${name}; one of ${Object.keys(SCENARIOS).join(', ')}`);
const weekStart = new Date('2026-11-22T16:00:00Z');
const { elders, volunteers } = syntheticDistrict({ ...scenario, seed: 20261123 });

const heapBefore = process.memoryUsage().heapUsed;
const cpuBefore = process.cpuUsage();
const started = performance.now();
const plan = planWeek({ weekStart, elders, volunteers, booked: new Map() });
const solveMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const heapAfter = process.memoryUsage().heapUsed;

const greedy = greedyWeek(weekStart, dueInPriorityOrder(elders, weekStart), volunteers);
let exact: { covered: number; totalCost: number; ms: number } | undefined;
if (scenario.exact) {
  const t0 = performance.now();
  const reference = planWeek({ weekStart, elders, volunteers, booked: new Map(), candidates: Infinity });
  exact = { covered: reference.visits.length, totalCost: reference.totalCost, ms: Math.round(performance.now() - t0) };
}

process.stdout.write(
  `${JSON.stringify({
    scenario: name,
    dueElders: plan.visits.length + plan.uncovered.length,
    covered: plan.visits.length,
    uncovered: plan.uncovered.length,
    solveMs: Math.round(solveMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    heapGrowthMb: Math.round((heapAfter - heapBefore) / 1048576),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    totalCost: plan.totalCost,
    exact,
    gapToExactPct: exact && exact.covered === plan.visits.length ? Math.round(((plan.totalCost - exact.totalCost) / Math.abs(exact.totalCost || 1)) * 10000) / 100 : undefined,
    greedy: { ...greedy, worsePct: greedy.covered === plan.visits.length ? Math.round(((greedy.totalCost - plan.totalCost) / Math.abs(plan.totalCost || 1)) * 10000) / 100 : undefined },
  })}\n`,
);
