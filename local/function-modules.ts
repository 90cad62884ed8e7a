import { sep } from 'node:path';
import { loadProjectGraph } from './project-loader';

/**
 * Loads a function's handler module with its own copy of the project's modules, as each Lambda
 * function's sandbox has its own: its composition root (`container()`), its clients and every
 * module-level value belong to it, not to the other functions run by the same process, nor to the
 * local stack itself.
 *
 * Under Node (`npm start`), the project's entries of `require.cache` are set aside while the handler
 * loads and put back afterwards; the handler keeps the graph it loaded. `node_modules` is shared, like
 * a layer: the AWS SDK and zod hold no state a function could leak to another. Under jest, whose module
 * registry ignores `require.cache`, project-loader.ts compiles the project's files into a graph of the
 * handler's own and takes packages from jest's registry, shared the same way (`jest.isolateModules`
 * re-evaluated every package for every function: ~0.15 s each, ~4 s of every integration test file).
 */
export function loadSeparately(root: string, file: string): Record<string, unknown> {
  const project = root.endsWith(sep) ? root : `${root}${sep}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (typeof jest !== 'undefined') return loadProjectGraph(project, file, (request) => require(request) as unknown);
  const cache = require.cache;
  const ours = (key: string) => key.startsWith(project) && !key.includes(`${sep}node_modules${sep}`);
  const setAside = Object.entries(cache).filter(([key]) => ours(key));
  for (const [key] of setAside) delete cache[key];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as Record<string, unknown>;
  } finally {
    for (const key of Object.keys(cache)) if (ours(key)) delete cache[key];
    for (const [key, module] of setAside) cache[key] = module;
  }
}
