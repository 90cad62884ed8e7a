import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What one function's deployment package holds, unzipped into a folder of its own. */
export interface BundleContents {
  zipBytes: number;
  /** Every file in the zip, by its path there. */
  files: string[];
  /** The handler module, absolute path in the unzipped folder. */
  handlerFile: string;
  jsBytes: number;
  /** Source maps shipped in the zip: `.map` files plus any map inlined as a data URL. */
  mapBytesInZip: number;
  /** The AWS SDK packages the bundle leaves to the runtime (Lambda provides them). */
  sdkModules: string[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const INLINE_MAP = /\/\/# sourceMappingURL=data:[^\n]*/;

/**
 * Unzips a zip that `serverless package` wrote (with the system's `unzip`): what Lambda would unpack,
 * not an esbuild output folder that might differ from it. The bundles bench and the template test
 * read the packaged functions through this.
 */
export function unpackFunction(zipFile: string, into: string, handler: string): BundleContents {
  mkdirSync(into, { recursive: true });
  execFileSync('unzip', ['-q', '-o', zipFile, '-d', into]);
  const files = filesUnder(into);
  const js = files.filter((f) => f.endsWith('.js'));
  const handlerFile = join(into, `${handler.slice(0, handler.lastIndexOf('.'))}.js`);
  if (!js.includes(handlerFile)) throw new Error(`${zipFile}: no ${relative(into, handlerFile)} in the zip`);
  const sources = js.map((f) => readFileSync(f, 'utf8'));
  const inlineMapBytes = sources.reduce((sum, text) => sum + (INLINE_MAP.exec(text)?.[0].length ?? 0), 0);
  const sdkModules = [...new Set(sources.flatMap((text) => [...text.matchAll(/require\(["'](@aws-sdk\/[^"'/]+)["']\)/g)].map((m) => m[1]!)))].sort();
  return {
    zipBytes: statSync(zipFile).size,
    files: files.map((f) => relative(into, f)).sort(),
    handlerFile,
    jsBytes: js.reduce((sum, f) => sum + statSync(f).size, 0) - inlineMapBytes,
    mapBytesInZip: files.filter((f) => f.endsWith('.map')).reduce((sum, f) => sum + statSync(f).size, 0) + inlineMapBytes,
    sdkModules,
  };
}
