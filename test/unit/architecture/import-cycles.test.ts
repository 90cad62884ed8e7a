import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The import graph of the deployed and operated code, resolved by TypeScript itself: every relative
 * `import`, `import type`, `export … from`, dynamic `import()` and `require()` between our own files.
 * Type-only imports count too: a cycle of types is still two modules that cannot be read apart.
 */
const ROOT = resolve(__dirname, '../../..');
const FOLDERS = ['lib', 'functions', 'local', 'bin'];
const OPTIONS: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, allowJs: true, resolveJsonModule: true };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const rel = (file: string) => relative(ROOT, file).split('\\').join('/');

function importGraph(): Map<string, Set<string>> {
  const files = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)));
  const graph = new Map<string, Set<string>>(files.map((f) => [rel(f), new Set<string>()]));
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const resolved = ts.resolveModuleName(specifier, file, OPTIONS, ts.sys).resolvedModule?.resolvedFileName;
      if (!resolved) throw new Error(`${rel(file)} imports ${specifier}, which TypeScript cannot resolve`);
      const target = rel(resolved);
      if (graph.has(target)) graph.get(rel(file))!.add(target);
    }
  }
  return graph;
}

/** Tarjan's strongly connected components; each one with more than one module (or a module importing itself) is a cycle. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)!.has(node)) found.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found.map((component) => cyclePath(graph, component));
}

/** One concrete loop through a component, `a → b → … → a`, so the message says which imports to cut. */
function cyclePath(graph: Map<string, Set<string>>, component: string[]): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const next of graph.get(node)!) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return component;
}

const graph = importGraph();
const edges = [...graph.values()].reduce((sum, targets) => sum + targets.size, 0);

/** What a layer must not reach: the domain is plain rules, use cases talk to ports, contracts describe the edges. */
const LAYERS: Array<{ layer: string; mayNotImport: string[] }> = [
  { layer: 'lib/domain/', mayNotImport: ['lib/use-cases/', 'lib/adapters/', 'lib/http/', 'functions/', 'local/', 'bin/'] },
  { layer: 'lib/contracts/', mayNotImport: ['lib/use-cases/', 'lib/adapters/', 'lib/http/', 'functions/', 'local/', 'bin/'] },
  { layer: 'lib/use-cases/', mayNotImport: ['lib/adapters/', 'lib/http/', 'functions/', 'local/', 'bin/'] },
  { layer: 'lib/', mayNotImport: ['functions/', 'local/', 'bin/'] },
];

describe('the import graph of lib/, functions/, local/ and bin/', () => {
  it('has no cycle', () => {
    // The figure the closing note of issue 15 quotes.
    console.log(`import graph: ${graph.size} modules, ${edges} edges, ${cycles(graph).length} cycles`);
    expect(graph.size).toBeGreaterThan(100);
    expect(cycles(graph).map((loop) => loop.join(' → '))).toEqual([]);
  });

  it.each(LAYERS)('$layer imports nothing from $mayNotImport', ({ layer, mayNotImport }) => {
    const crossings = [...graph.entries()]
      .filter(([from]) => from.startsWith(layer))
      .flatMap(([from, targets]) => [...targets].filter((to) => mayNotImport.some((banned) => to.startsWith(banned))).map((to) => `${from} → ${to}`));
    expect(crossings).toEqual([]);
  });

  it('finds a cycle when there is one (the detector itself)', () => {
    const looped = new Map([
      ['a.ts', new Set(['b.ts'])],
      ['b.ts', new Set(['c.ts'])],
      ['c.ts', new Set(['a.ts', 'd.ts'])],
      ['d.ts', new Set<string>()],
      ['e.ts', new Set(['e.ts'])],
    ]);
    expect(cycles(looped).map((loop) => loop.join(' → ')).sort()).toEqual(['a.ts → b.ts → c.ts → a.ts', 'e.ts → e.ts']);
  });
});
