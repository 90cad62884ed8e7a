import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve, sep } from 'node:path';

type ModuleRecord = { exports: Record<string, unknown> };
type Require = (request: string) => unknown;
type ModuleBody = (exports: unknown, require: Require, module: ModuleRecord, filename: string, dirname: string) => void;

/** Compiled project files, by path: a file's JavaScript is the same for every function that loads it. */
const compiled = new Map<string, ModuleBody>();

const EXTENSIONS = ['.ts', '.js', '/index.ts', '/index.js'];

function resolveFile(from: string, request: string): string {
  const base = resolve(dirname(from), request);
  if (extname(base) && existsSync(base) && statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  throw Object.assign(new Error(`Cannot find module '${request}' from '${from}'`), { code: 'MODULE_NOT_FOUND' });
}

function compile(file: string): ModuleBody {
  const known = compiled.get(file);
  if (known) return known;
  // esbuild is a devDependency, like jest: this loader runs only under jest (see function-modules.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { transformSync } = require('esbuild') as typeof import('esbuild');
  const { code } = transformSync(readFileSync(file, 'utf8'), { loader: extname(file) === '.ts' ? 'ts' : 'js', format: 'cjs', target: 'node20', sourcefile: file, sourcemap: 'inline' });
  // Compiled in this realm (jest's test context), so a handler sees the same globals (the stack's
  // virtual `Date`) as the stack that runs it.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const body = new Function('exports', 'require', 'module', '__filename', '__dirname', code) as ModuleBody;
  compiled.set(file, body);
  return body;
}

/**
 * Loads `file` and the project modules it imports as a graph of their own (a function's sandbox), while
 * packages come from `shared` (the caller's `require`: one copy of the AWS SDK, zod and the rest for every
 * function, like a layer, as under `npm start`).
 */
export function loadProjectGraph(project: string, file: string, shared: Require): Record<string, unknown> {
  const root = project.endsWith(sep) ? project : `${project}${sep}`;
  const graph = new Map<string, ModuleRecord>();
  const load = (path: string): Record<string, unknown> => {
    const known = graph.get(path);
    if (known) return known.exports;
    const module: ModuleRecord = { exports: {} };
    graph.set(path, module);
    compile(path)(module.exports, requireFrom(path), module, path, dirname(path));
    return module.exports;
  };
  const requireFrom =
    (from: string): Require =>
    (request) => {
      if (!request.startsWith('.') && !request.startsWith(sep)) return shared(request);
      const target = resolveFile(from, request);
      // A JSON file is data, not module state: jest's registry reads it, as it would a package.
      const own = target.startsWith(root) && !target.includes(`${sep}node_modules${sep}`) && extname(target) !== '.json';
      return own ? load(target) : shared(target);
    };
  // Resolved as if required from a file at the project's root.
  return load(resolveFile(`${root}index`, file));
}
