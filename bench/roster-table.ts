import type { OptimalityCertificate } from '../lib/domain/matching/column-generation';

interface RosterRow {
  scenario: string;
  dueElders: number;
  covered: number;
  plannerMs: number;
  cpuMs: number;
  peakRssMb: number;
  rssBeforeMb: number;
  totalCost: number;
  certificate: OptimalityCertificate;
  lp?: { optimum: number; greedyBasisHolds: boolean; lps: number; pairs: number; ms: number; gapPct: number };
  everyPair?: { sameCovered: boolean; totalCost: number; ms: number };
  munkres?: { totalCost: number; covered: number; ms: number; gapPct: number };
  greedy: { covered: number; totalCost: number; worsePct?: number };
}

/** `npm run bench -- roster`: each district's planner figures beside its certificate and its checks. */
export function printRosterTable(rows: Array<Record<string, unknown>>): void {
  console.table(
    (rows as unknown as RosterRow[]).map((r) => ({
      scenario: r.scenario,
      'due / covered': `${r.dueElders} / ${r.covered}`,
      'planner ms': r.plannerMs,
      'cpu ms': r.cpuMs,
      'peak RSS MB (before)': `${r.peakRssMb} (${r.rssBeforeMb})`,
      'total cost': r.totalCost,
      'priced / rounds / violations': `${r.certificate.pairsPriced} / ${r.certificate.rounds} / ${r.certificate.violations}`,
      'listed for coverage': r.certificate.pairsListedForCoverage,
      'LP gap %': r.lp ? `${r.lp.gapPct.toFixed(3)} (basis ${r.lp.greedyBasisHolds ? 'ok' : 'WRONG'}, ${r.lp.pairs} pairs, ${r.lp.ms} ms)` : 'n/a',
      'every pair': r.everyPair ? `${r.everyPair.totalCost}${r.everyPair.sameCovered ? '' : ' OTHER COVER'} (${r.everyPair.ms} ms)` : 'n/a',
      munkres: r.munkres ? `${r.munkres.ms} ms, gap ${r.munkres.gapPct.toFixed(3)} %` : 'n/a',
      'greedy cost': r.greedy.worsePct !== undefined ? `${r.greedy.totalCost} (+${r.greedy.worsePct} %)` : `covers ${r.greedy.covered}`,
    })),
  );
}
