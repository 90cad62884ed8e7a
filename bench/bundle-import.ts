import { execFileSync } from 'node:child_process';

/** What one cold import took: wall time, and the CPU time of the whole process meanwhile. */
export interface ImportCost {
  wallMs: number;
  /** Steadier than wall time on a machine others are busy on: time spent waiting for a core is not in it. */
  cpuMs: number;
  /** CPU of the whole process up to then, node's own start-up included (what a cold start also pays). */
  processCpuMs: number;
}

/**
 * What one fresh `node` process spends in `require` of the given modules, timed inside the process:
 * node's own start-up is the same for the handler and the floor, so it is left out of both.
 * `NODE_PATH` stands where Lambda's runtime puts the AWS SDK it provides (/var/runtime/node_modules).
 */
export function coldImport(opts: { modules: string[]; cwd: string; env: Record<string, string>; nodeFlags: string[]; sdkPath: string }): ImportCost {
  const probe = [
    'const t = performance.now(), c = process.cpuUsage();',
    'for (const m of JSON.parse(process.argv[1])) require(m);',
    'const { user, system } = process.cpuUsage(c), whole = process.cpuUsage();',
    'process.stdout.write(JSON.stringify({ wallMs: performance.now() - t, cpuMs: (user + system) / 1000, processCpuMs: (whole.user + whole.system) / 1000 }));',
  ].join(' ');
  const out = execFileSync(process.execPath, [...opts.nodeFlags, '-e', probe, JSON.stringify(opts.modules)], {
    cwd: opts.cwd,
    // Only what Lambda would set: the bench's own process runs under tsx, whose loader flags must not leak in.
    env: { PATH: process.env.PATH ?? '', NODE_PATH: opts.sdkPath, ...opts.env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out) as ImportCost;
}
