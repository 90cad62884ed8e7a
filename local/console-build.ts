import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const WEB = resolve(__dirname, '..', 'web');
const STAMP = join(WEB, 'dist', '.source-digest');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sources(path) : [path];
  });
}

/** A digest of what the console is built from: its sources, page, build config and the packages' lock. */
function sourceDigest(): string {
  const hash = createHash('sha256');
  const files = [...sources(join(WEB, 'src')), join(WEB, 'index.html'), join(WEB, 'vite.config.mts'), resolve(WEB, '..', 'package-lock.json')].sort();
  for (const file of files) hash.update(file).update(statSync(file).size.toString()).update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * Builds the console (vite build web) unless web/dist was built from these very sources: `npm start`
 * on a fresh clone builds it once (under a second), later starts reuse it.
 */
export function ensureConsoleBuilt(log: (line: string) => void): void {
  const digest = sourceDigest();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest) return;
  log('building the console (web/dist)…');
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const out = spawnSync(process.execPath, [vite, 'build', WEB, '--logLevel', 'warn'], { stdio: 'inherit' });
  if (out.status !== 0) throw new Error('the console did not build (npm run build shows why)');
  writeFileSync(STAMP, digest);
}
