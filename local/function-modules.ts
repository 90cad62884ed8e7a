import { sep } from 'node:path';

/**
 * Loads a function's handler module with its own copy of the project's modules, as each Lambda
 * function's sandbox has its own: its composition root (`container()`), its clients and every
 * module-level value belong to it, not to the other functions run by the same process, nor to the
 * local stack itself.
 *
 * Under Node (`npm start`), the project's entries of `require.cache` are set aside while the handler
 * loads and put back afterwards; the handler keeps the graph it loaded. `node_modules` is shared, like
 * a layer: the AWS SDK and zod hold no state a function could leak to another. Under jest, whose module
 * registry ignores `require.cache`, `jest.isolateModules` gives the handler a registry of its own (jest
 * isolates node_modules too; that costs ~10 MB and ~0.15 s per function loaded, and is what Lambda does).
 */
export function loadSeparately(root: string, file: string): Record<string, unknown> {
  const project = root.endsWith(sep) ? root : `${root}${sep}`;
  if (typeof jest !== 'undefined') {
    let loaded: Record<string, unknown> | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loaded = require(file) as Record<string, unknown>;
    });
    return loaded!;
  }
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
