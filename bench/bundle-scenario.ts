import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { loadServerlessConfig } from '../local/serverless-config';
import { unpackFunction } from '../test/support/function-bundle';
import { coldImport, type ImportCost } from './bundle-import';
import { quantile } from './bundle-stats';

/**
 * `npm run bench -- bundles [--dir PACKAGED] [--runs N]`: packages the service as `npm run package`
 * does (or reads an earlier `serverless package --package PACKAGED`), then for every function: the
 * zip, the JS and source map it ships, and its cold import beside the floor, a fresh process that
 * imports only the AWS SDK packages that bundle requires. Each figure is the median of N runs,
 * interleaved (floor, handler, handler with source maps) so that load from elsewhere hits all alike.
 */
const ROOT = join(__dirname, '..');
const SDK_PATH = join(ROOT, 'node_modules');
const LAMBDA_RUNTIME = { AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench' };

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

function packageService(into: string): void {
  execFileSync(join(ROOT, 'node_modules/.bin/serverless'), ['package', '--stage', 'ci', '--region', 'ap-southeast-1', '--package', into], {
    cwd: ROOT,
    env: { ...process.env, AWS_ACCESS_KEY_ID: 'offline', AWS_SECRET_ACCESS_KEY: 'offline', SLS_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Where the map of a bundle is: in its zip, or kept apart beside the zips (`source-maps/`). */
function mapOf(handlerFile: string, unpackedDir: string, packagedDir: string): string | undefined {
  const candidates = [`${handlerFile}.map`, join(packagedDir, 'source-maps', `${relative(unpackedDir, handlerFile)}.map`)];
  return candidates.find((file) => existsSync(file));
}

/**
 * A copy of the bundle that points at its map, so `--enable-source-maps` has a map to load: what the
 * function would cost if it shipped its map and kept the flag.
 */
function withLinkedMap(handlerFile: string, mapFile: string): string {
  const copy = join(dirname(handlerFile), `with-map-${basename(handlerFile)}`);
  const code = readFileSync(handlerFile, 'utf8').replace(/\n\/\/# sourceMappingURL=[^\n]*\n?$/, '\n');
  writeFileSync(copy, `${code}//# sourceMappingURL=${basename(copy)}.map\n`);
  copyFileSync(mapFile, `${copy}.map`);
  return copy;
}

function medianCost(samples: ImportCost[]): ImportCost {
  const median = (figure: keyof ImportCost) => quantile(samples.map((s) => s[figure]), 0.5);
  return { wallMs: median('wallMs'), cpuMs: median('cpuMs'), processCpuMs: median('processCpuMs') };
}

/** NODE_OPTIONS as the packaged template gives the function: an earlier package may predate serverless.yml. */
function deployedNodeOptions(packagedDir: string, name: string): string {
  const template = JSON.parse(readFileSync(join(packagedDir, 'cloudformation-template-update-stack.json'), 'utf8')) as {
    Resources: Record<string, { Type: string; Properties: { FunctionName?: string; Environment?: { Variables?: Record<string, unknown> } } }>;
  };
  const fn = Object.values(template.Resources).find((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.FunctionName?.endsWith(`-${name}`));
  if (!fn) throw new Error(`${packagedDir}: no function ${name} in the packaged template`);
  return String(fn.Properties.Environment?.Variables?.NODE_OPTIONS ?? '');
}

function main(): void {
  const runs = Number(option('runs') ?? 5);
  const work = mkdtempSync(join(tmpdir(), 'minqing-bundles-'));
  try {
    const packagedDir = option('dir') ?? join(work, 'packaged');
    if (!option('dir')) packageService(packagedDir);
    const config = loadServerlessConfig(join(ROOT, 'serverless.yml'), { stage: 'ci', region: 'ap-southeast-1' });
    const functions = config.functions.map((fn) => {
      const unpackedDir = join(work, 'unpacked', fn.name);
      const contents = unpackFunction(join(packagedDir, `${fn.name}.zip`), unpackedDir, fn.handler);
      const mapFile = mapOf(contents.handlerFile, unpackedDir, packagedDir);
      const { NODE_OPTIONS: _flags, ...environment } = fn.environment;
      return {
        fn,
        contents,
        unpackedDir,
        env: { ...environment, ...LAMBDA_RUNTIME, AWS_LAMBDA_FUNCTION_NAME: fn.name },
        mapFile,
        mapBytes: mapFile ? readFileSync(mapFile).length : 0,
        mappedCopy: mapFile ? withLinkedMap(contents.handlerFile, mapFile) : undefined,
        deployedWithMaps: deployedNodeOptions(packagedDir, fn.name).split(/\s+/).includes('--enable-source-maps') && contents.mapBytesInZip > 0,
        floor: [] as ImportCost[],
        bare: [] as ImportCost[],
        mapped: [] as ImportCost[],
      };
    });
    for (let run = 0; run < runs; run++) {
      for (const f of functions) {
        const common = { cwd: f.unpackedDir, env: f.env, sdkPath: SDK_PATH };
        f.floor.push(coldImport({ ...common, modules: f.contents.sdkModules, nodeFlags: [] }));
        f.bare.push(coldImport({ ...common, modules: [f.contents.handlerFile], nodeFlags: [] }));
        if (f.mappedCopy) f.mapped.push(coldImport({ ...common, modules: [f.mappedCopy], nodeFlags: ['--enable-source-maps'] }));
      }
      process.stderr.write(`run ${run + 1}/${runs} done\n`);
    }
    const rows = functions.map((f) => {
      const withoutMaps = medianCost(f.bare);
      const withMaps = f.mapped.length ? medianCost(f.mapped) : undefined;
      return {
        name: f.fn.name,
        zipBytes: f.contents.zipBytes,
        jsBytes: f.contents.jsBytes,
        mapBytes: f.mapBytes,
        mapBytesInZip: f.contents.mapBytesInZip,
        sdkModules: f.contents.sdkModules,
        deployedWithMaps: f.deployedWithMaps,
        deployed: f.deployedWithMaps && withMaps ? withMaps : withoutMaps,
        floor: medianCost(f.floor),
        withoutMaps,
        ...(withMaps ? { withMaps } : {}),
      };
    });
    process.stdout.write(`${JSON.stringify({ scenario: 'functions', runs, node: process.version, functions: rows })}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
