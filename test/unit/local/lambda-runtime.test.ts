import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Activity } from '../../../local/activity';
import { LambdaRuntime } from '../../../local/lambda-runtime';
import { loadServerlessConfig, type LocalFunction } from '../../../local/serverless-config';

const FIXTURES = join(__dirname, 'fixtures');

interface Seen {
  atImport: string | null;
  value: string | null;
  has: boolean;
  listed: boolean;
  written: string | null;
  instance: { id: string };
}

/** Each function runs as on its own Lambda: its environment, its modules, its timeout. */
describe('the local Lambda runtime', () => {
  const config = loadServerlessConfig(join(FIXTURES, 'serverless.yml'), { stage: 'test', region: 'ap-southeast-1' });
  const fn = (name: string) => config.functions.find((f) => f.name === name)!;
  let runtime: LambdaRuntime;
  let activity: Activity;
  let undo: () => void;
  const call = (name: string, event: Record<string, unknown> = {}) => runtime.invoke(fn(name), event) as Promise<Seen>;

  beforeEach(() => {
    // The host has the variable too: a function that lacks it must still not see it.
    process.env.OWN_SECRET = 'from-the-host';
    process.env.FIXTURE_HOST_ONLY = 'host';
    activity = new Activity();
    runtime = new LambdaRuntime(FIXTURES, config.functions, activity);
    undo = runtime.provide({ everyFunction: { AWS_REGION: 'ap-southeast-1' }, standIns: { SHARED_SETTING: 'local stand-in' } });
  });
  afterEach(() => {
    undo();
    delete process.env.OWN_SECRET;
    delete process.env.FIXTURE_HOST_ONLY;
  });

  it('reads timeout and memory per function, with the provider as default', () => {
    expect([fn('withSecret').timeout, fn('sleepy').timeout, fn('sleepy').memorySize]).toEqual([10, 1, 256]);
  });

  it('gives a function its own variables, at import and when called', async () => {
    const seen = await call('withSecret', { read: 'OWN_SECRET' });
    expect(seen).toMatchObject({ atImport: 'only-mine', value: 'only-mine', has: true, listed: true });
  });

  it("does not give a function a variable only another function has, even when the host has it", async () => {
    await call('withSecret');
    const seen = await call('withoutSecret', { read: 'OWN_SECRET' });
    expect(seen).toMatchObject({ atImport: null, value: null, has: false, listed: false });
  });

  it("gives every function the provider's variables (with local stand-ins), Lambda's own, and the host's other ones", async () => {
    expect((await call('withoutSecret', { read: 'SHARED_SETTING' })).value).toBe('local stand-in');
    expect((await call('withoutSecret', { read: 'AWS_REGION' })).value).toBe('ap-southeast-1');
    expect((await call('withoutSecret', { read: 'AWS_LAMBDA_FUNCTION_NAME' })).value).toBe('fixture-test-withoutSecret');
    // What Powertools' logger reads for `cold_start` (it was always false locally without it).
    expect((await call('withoutSecret', { read: 'AWS_LAMBDA_INITIALIZATION_TYPE' })).value).toBe('on-demand');
    expect((await call('withoutSecret', { read: 'FIXTURE_HOST_ONLY' })).value).toBe('host');
  });

  it("keeps a function's writes to its environment to itself, and leaves the process's own untouched", async () => {
    await call('withSecret', { write: 'mine' });
    expect((await call('withSecret')).written).toBe('mine');
    expect((await call('withoutSecret')).written).toBeNull();
    expect(process.env.WRITTEN).toBeUndefined();
    expect(process.env.OWN_SECRET).toBe('from-the-host');
  });

  it('loads each function with its own modules, kept warm between calls', async () => {
    const first = await call('withSecret');
    const again = await call('withSecret');
    const other = await call('withoutSecret');
    expect(again.instance).toBe(first.instance);
    expect(other.instance).not.toBe(first.instance);
    expect(other.instance.id).not.toBe(first.instance.id);
  });

  it('fails a call that runs past its timeout as Lambda does, and starts the next one cold', async () => {
    const before = await call('sleepy');
    const timedOut = call('sleepy', { hang: true });
    await expect(timedOut).rejects.toMatchObject({ name: 'Sandbox.Timedout', message: expect.stringMatching(/Task timed out after 1\.00 seconds$/) });
    const after = await call('sleepy');
    expect(after.instance.id).not.toBe(before.instance.id);
    expect(activity.isIdle()).toBe(true);
  });

  it('reports each run to the activity while it lasts', async () => {
    const running = call('withSecret');
    expect(activity.isIdle()).toBe(false);
    await running;
    expect(activity.isIdle()).toBe(true);
  });

  it('refuses to run a function before it has an environment to give it', async () => {
    const bare = new LambdaRuntime(FIXTURES, config.functions);
    await expect(bare.invoke(fn('withSecret') as LocalFunction, {})).rejects.toThrow(/no environment/);
  });

  /** A runtime whose services have one turn, held by a call that never answers (until its 1 s timeout), and one call queued behind it. */
  const oneTurnTaken = () => {
    undo();
    runtime = new LambdaRuntime(FIXTURES, config.functions, activity, 1);
    undo = runtime.provide({ everyFunction: { AWS_REGION: 'ap-southeast-1' }, standIns: {} });
    const hanging = runtime.invoke(fn('sleepy'), { hang: true }, { answerMayBeLost: true });
    hanging.catch(() => undefined);
    return { hanging, queued: runtime.invoke(fn('withoutSecret'), {}, { answerMayBeLost: true }) };
  };

  it('lets invocations by services take turns, while an HTTP call (someone waits on it) runs at once', async () => {
    const { hanging, queued } = oneTurnTaken();
    // The HTTP call answers while the service's second call still waits for the first to end.
    await expect(call('withoutSecret')).resolves.toMatchObject({ has: false });
    expect(runtime.runs).toBe(2);
    expect(activity.isIdle()).toBe(false);
    // The first times out (its 1 s limit); only then does the queued one run.
    await expect(hanging).rejects.toMatchObject({ name: 'Sandbox.Timedout' });
    await expect(queued).resolves.toMatchObject({ has: false });
    expect(runtime.runs).toBe(3);
    expect(activity.isIdle()).toBe(true);
  });

  it('when the stack stops, refuses the invocations still waiting for a turn instead of running them', async () => {
    const { hanging, queued } = oneTurnTaken();
    runtime.refuseQueued();
    // Refused at once, not after the hanging call's timeout; a stopping stack waited for the whole queue.
    await expect(queued).rejects.toMatchObject({ name: 'Lambda.ServiceException' });
    expect(runtime.runs).toBe(1);
    await expect(runtime.invoke(fn('withoutSecret'), {}, { answerMayBeLost: true })).rejects.toMatchObject({ name: 'Lambda.ServiceException' });
    await expect(hanging).rejects.toMatchObject({ name: 'Sandbox.Timedout' });
  });
});

/** `npm start` loads handlers with Node's own loader (jest has its own): the same separation holds there. */
describe('the local Lambda runtime under Node', () => {
  it('gives each function its own project modules and environment', () => {
    const root = join(__dirname, '../../..');
    const out = execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(FIXTURES, 'run-under-node.ts')], {
      cwd: root,
      env: { ...process.env, OWN_SECRET: 'from-the-host' },
      encoding: 'utf8',
    });
    const seen = JSON.parse(out) as Record<'first' | 'again' | 'other', Seen> & { host: string };
    expect(seen.first).toMatchObject({ atImport: 'only-mine', value: 'only-mine' });
    expect(seen.other).toMatchObject({ atImport: null, value: null });
    expect(seen.again.instance.id).toBe(seen.first.instance.id);
    expect(new Set([seen.first.instance.id, seen.other.instance.id, seen.host]).size).toBe(3);
  });

});
