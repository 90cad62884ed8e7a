// First: its real clock starts when `npm start` does, before the stack swaps `Date` for the virtual clock.
import { readStartCommand, realSecondsSince } from './start-options';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEMO_DEPARTMENTS, DEMO_GRIDS } from './seed/demo-data';
import { ensureConsoleBuilt } from './console-build';
import { startLocalStack } from './stack';

/**
 * `npm start [-- FLAGS]` (`--help` lists them): the whole system on this machine, with demo data, kept
 * in `.local-data/stack-<port>` unless told otherwise.
 */
async function main(): Promise<void> {
  const command = readStartCommand(process.argv.slice(2));
  if (command.kind === 'help') {
    process.stdout.write(command.text);
    return;
  }
  if (command.kind === 'usage-error') {
    process.stderr.write(`npm start: ${command.message} (npm start -- --help lists the flags)\n`);
    process.exit(2);
  }
  const { options } = command;
  ensureConsoleBuilt((line) => process.stdout.write(`  ${line}\n`));
  const port = z.coerce.number().int().min(0).max(65535).parse(process.env.PORT ?? 3000);
  const stack = await startLocalStack({
    port,
    timeScale: options.timeScale,
    reset: options.reset,
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.startAt ? { startAt: options.startAt } : {}),
    ...(options.inMemory ? {} : { dataDir: options.dataDir ? resolve(options.dataDir) : join(resolve(__dirname, '..'), '.local-data', `stack-${port}`) }),
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
      `民情直通 local stack is up in ${realSecondsSince().toFixed(1)} s (virtual time ${stack.clock.now().toISOString()}, scale ×${options.timeScale})`,
      '',
      `  Console         ${stack.url}/   (sign in as any demo person; residents need no account)`,
      `  HTTP API        ${stack.url}/v1/categories`,
      `  health          ${stack.url}/local/health`,
      `  SMS outbox      ${stack.url}/local/outbox`,
      ...(options.faults ? [`  faults          ${(options.faults.rate * 100).toFixed(0)} % of calls fail transiently (seed ${options.faults.seed}); met so far: ${stack.url}/local/faults`] : []),
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
