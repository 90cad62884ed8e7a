import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEMO_DEPARTMENTS, DEMO_GRIDS } from './seed/demo-data';
import { startLocalStack } from './stack';

/**
 * `npm start [-- --reset] [--time-scale N] [--start-at ISO] [--in-memory] [--data-dir DIR] [--faults 0.2 [--fault-seed N]]`: the whole
 * system on this machine, with demo data, kept in `.local-data/stack-<port>` unless told otherwise.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      'time-scale': { type: 'string', default: '1' },
      'in-memory': { type: 'boolean', default: false },
      'start-at': { type: 'string' },
      'data-dir': { type: 'string' },
      faults: { type: 'string', default: '0' },
      'fault-seed': { type: 'string', default: '1' },
    },
  });
  const port = z.coerce.number().int().min(0).max(65535).parse(process.env.PORT ?? 3000);
  const timeScale = z.coerce.number().min(0).parse(values['time-scale']);
  const faultRate = z.coerce.number().min(0).max(0.9).parse(values.faults);
  const faultSeed = z.coerce.number().int().parse(values['fault-seed']);
  const startAt = values['start-at'] === undefined ? undefined : z.coerce.date().parse(values['start-at']);
  const began = performance.now();
  const stack = await startLocalStack({
    port,
    timeScale,
    reset: values.reset,
    ...(faultRate > 0 ? { faults: { rate: faultRate, seed: faultSeed } } : {}),
    ...(startAt ? { startAt } : {}),
    ...(values['in-memory'] ? {} : { dataDir: values['data-dir'] ? resolve(values['data-dir']) : join(resolve(__dirname, '..'), '.local-data', `stack-${port}`) }),
    log: (line) => process.stdout.write(`  ${line}\n`),
  });
  const token = async (body: Parameters<typeof stack.issuer.mint>[0]) => stack.issuer.mint(body);
  const [admin, gridWorker, department] = await Promise.all([
    token({ role: 'admin', sub: 'admin-centre' }),
    token({ role: 'grid-worker', grids: [DEMO_GRIDS[0]!.gridId], sub: DEMO_GRIDS[0]!.workerStaffId }),
    token({ role: 'department', department: DEMO_DEPARTMENTS[0]!.departmentId, sub: `dept-${DEMO_DEPARTMENTS[0]!.departmentId}` }),
  ]);
  process.stdout.write(
    [
      '',
      `民情直通 local stack is up in ${((performance.now() - began) / 1000).toFixed(1)} s (virtual time ${stack.clock.now().toISOString()}, scale ×${timeScale})`,
      '',
      `  HTTP API        ${stack.url}/v1/categories`,
      `  health          ${stack.url}/local/health`,
      `  SMS outbox      ${stack.url}/local/outbox`,
      ...(faultRate > 0 ? [`  faults          ${(faultRate * 100).toFixed(0)} % of calls fail transiently (seed ${faultSeed}); met so far: ${stack.url}/local/faults`] : []),
      `  advance clock   curl -XPOST ${stack.url}/local/clock/advance -d '{"seconds":3600}'`,
      `  mint a token    curl -XPOST ${stack.url}/local/auth/token -d '{"role":"grid-worker","grids":["G01"]}'`,
      `  DynamoDB        ${stack.endpoints.dynamodb}`,
      `  Step Functions  ${stack.endpoints.stepFunctions}`,
      `  SNS             ${stack.endpoints.sns}`,
      '',
      '  Demo tokens (12 h):',
      `    admin                 ${admin}`,
      `    grid worker of G01    ${gridWorker}`,
      `    department urban      ${department}`,
      '',
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nstopping…\n');
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // One stray rejection must not take a district's stack down; its work is journaled and goes on.
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`unhandled rejection (the stack keeps running): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`);
  });
}

main().catch((err: Error) => {
  process.stderr.write(`local stack failed to start: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
