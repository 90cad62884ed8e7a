import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { printBundleTables } from './bundle-table';
import { printRosterTable } from './roster-table';

/**
 * `npm run bench -- roster|wishes|lag|intake|startup|bundles|console`: runs each scenario in a fresh process and prints a table.
 * Figures are measurements of this machine, not assertions; tests never depend on them.
 */
const BENCHES: Record<string, { script: string; scenarios: string[] }> = {
  // One scenario: it packages the service once, then measures every function beside its floor.
  bundles: { script: 'bundle-scenario.ts', scenarios: ['functions'] },
  roster: { script: 'roster-scenario.ts', scenarios: ['1k x 10k', '1k x 700 (tight)', '10k x 100k', '10k x 10k (short supply)', 'dense 2000 x 2000', '150 x 100 (small)'] },
  wishes: { script: 'wish-scenario.ts', scenarios: ['1k x 10k', '10k x 100k'] },
  lag: { script: 'lag-scenario.ts', scenarios: ['wish-vet', 'case-grid-check', 'accept-after-dispatch'] },
  // One stack, one run: the floor and every route measured side by side under the same load.
  intake: { script: 'intake-scenario.ts', scenarios: ['all'] },
  startup: { script: 'startup-scenario.ts', scenarios: ['all'] },
  // The console's pages as Chromium downloads them, against the 300 KB (gzip) first-page budget.
  console: { script: 'console-scenario.ts', scenarios: ['all'] },
};

const which = process.argv[2] ?? 'roster';
const bench = BENCHES[which];
if (!bench) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}>\n`);
  process.exit(2);
}
const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
const extra = process.argv.slice(3);
const rows = bench.scenarios.map(
  (scenario) => JSON.parse(execFileSync(tsx, [join(__dirname, bench.script), scenario, ...extra], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').at(-1)!) as Record<string, unknown>,
);
if (which === 'intake') {
  const { rows: intake, startMs, cases } = rows[0] as { rows: unknown[]; startMs: number; cases: number };
  console.table(intake);
  console.log(`stack healthy in ${startMs} ms; ${cases} cases filed`);
  process.exit(0);
}
if (which === 'startup') {
  const { rows: startup, ratio } = rows[0] as { rows: unknown[]; ratio: number };
  console.table(startup);
  console.log(`npm start / JVM alone (medians): ${ratio}×`);
  process.exit(0);
}
if (which === 'console') {
  const { rows: pages, budgetKb } = rows[0] as { rows: unknown[]; budgetKb: number };
  console.table(pages);
  console.log(`budget: the first page ≤ ${budgetKb} KB gzipped`);
  process.exit(0);
}
if (which === 'bundles') {
  printBundleTables(rows[0] as unknown as Parameters<typeof printBundleTables>[0]);
  process.exit(0);
}
if (which === 'wishes' || which === 'lag') {
  console.table(rows);
  process.exit(0);
}
printRosterTable(rows);
