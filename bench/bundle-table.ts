import type { ImportCost } from './bundle-import';
import { quantile } from './bundle-stats';

interface FunctionRow {
  name: string;
  zipBytes: number;
  jsBytes: number;
  mapBytes: number;
  mapBytesInZip: number;
  sdkModules: string[];
  /** The import as serverless.yml deploys it: with --enable-source-maps and its map only if both are set. */
  deployed: ImportCost;
  floor: ImportCost;
  withoutMaps: ImportCost;
  withMaps?: ImportCost;
}

const ZIP_BOUND_KB = 150;
const IMPORT_BOUND_RATIO = 1.25;
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const wallRatio = (r: FunctionRow) => r.deployed.wallMs / r.floor.wallMs;
const cpuRatio = (r: FunctionRow) => r.deployed.cpuMs / r.floor.cpuMs;
const processRatio = (r: FunctionRow) => r.deployed.processCpuMs / r.floor.processCpuMs;

/** The bundles bench's result: spread over the functions, then the ones furthest from the targets. */
export function printBundleTables(result: { runs: number; node: string; functions: FunctionRow[] }): void {
  const rows = result.functions;
  const spread = (figure: string, values: number[], target: string, digits = 1) => ({
    figure,
    median: round(quantile(values, 0.5), digits),
    p90: round(quantile(values, 0.9), digits),
    max: round(quantile(values, 1), digits),
    target,
  });
  const mapped = rows.filter((r) => r.withMaps !== undefined);
  console.log(`${rows.length} functions, each figure the median of ${result.runs} fresh processes (node ${result.node})`);
  console.table([
    spread('zip KB', rows.map((r) => kb(r.zipBytes)), `≤ ${ZIP_BOUND_KB}`),
    spread('JS KB (unzipped)', rows.map((r) => kb(r.jsBytes)), ''),
    spread('source map KB', rows.map((r) => kb(r.mapBytes)), ''),
    spread('of which in the zip, KB', rows.map((r) => kb(r.mapBytesInZip)), '0'),
    spread('cold import ms (as deployed)', rows.map((r) => r.deployed.wallMs), ''),
    spread('floor: its SDK packages only, ms', rows.map((r) => r.floor.wallMs), ''),
    spread('import / floor', rows.map(wallRatio), `≤ ${IMPORT_BOUND_RATIO}`, 2),
    spread('cold import CPU ms', rows.map((r) => r.deployed.cpuMs), ''),
    spread('floor CPU ms', rows.map((r) => r.floor.cpuMs), ''),
    spread('import / floor, CPU', rows.map(cpuRatio), `≤ ${IMPORT_BOUND_RATIO}`, 2),
    spread('whole process CPU ms (node start-up + import)', rows.map((r) => r.deployed.processCpuMs), ''),
    spread('whole process / floor process, CPU', rows.map(processRatio), '', 2),
    ...(mapped.length
      ? [
          spread('--enable-source-maps with its map / without, wall', mapped.map((r) => r.withMaps!.wallMs / r.withoutMaps.wallMs), 'small', 2),
          spread('--enable-source-maps with its map / without, CPU', mapped.map((r) => r.withMaps!.cpuMs / r.withoutMaps.cpuMs), 'small', 2),
        ]
      : []),
  ]);
  const worst = (by: (r: FunctionRow) => number) =>
    [...rows]
      .sort((a, b) => by(b) - by(a))
      .slice(0, 5)
      .map((r) => ({
        function: r.name,
        'zip KB': kb(r.zipBytes),
        'JS KB': kb(r.jsBytes),
        'import ms': round(r.deployed.wallMs),
        'floor ms': round(r.floor.wallMs),
        'import / floor': round(wallRatio(r), 2),
        'CPU ratio': round(cpuRatio(r), 2),
        'with maps ms': r.withMaps ? round(r.withMaps.wallMs) : 'n/a',
        'SDK packages': r.sdkModules.map((m) => m.replace('@aws-sdk/', '')).join(' '),
      }));
  console.log('largest zips');
  console.table(worst((r) => r.zipBytes));
  console.log('slowest imports beside their floor');
  console.table(worst(wallRatio));
  const over = rows.filter((r) => kb(r.zipBytes) > ZIP_BOUND_KB || wallRatio(r) > IMPORT_BOUND_RATIO).map((r) => r.name);
  console.log(over.length ? `beyond a target (${over.length}): ${over.join(', ')}` : 'every function within both targets');
}
