import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestStack, type TestStack } from '../support/local-stack';

const run = promisify(execFile);
const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const REPORTER = '13912345678';
const V001 = '13800007001';

/** The bash blocks the README marks `<!-- walkthrough: name -->`, in order. */
function walkthroughs(): Array<{ name: string; script: string }> {
  return [...README.matchAll(/<!-- walkthrough: (\w+)[^>]*-->\n```bash\n([\s\S]*?)\n```/g)].map((m) => ({ name: m[1]!, script: m[2]! }));
}

/**
 * Every walkthrough runs as a reader pastes it: one block, in one shell (the visits block uses the
 * case block's variables), with no sleeps, against the stack the README tells them to start.
 */
describe('README walkthroughs, pasted as one block each', () => {
  let t: TestStack;
  let output: Record<string, string>;
  beforeAll(async () => {
    t = await startTestStack({ startAt: new Date('2026-11-23T09:00:00+08:00') });
    const blocks = walkthroughs();
    expect(blocks.map((b) => b.name)).toEqual(['case', 'visits']);
    const script = [
      'set -euo pipefail',
      ...blocks.flatMap((b) => [`echo "=== ${b.name}"`, b.script.replace('API=http://127.0.0.1:3000', `API=${t.stack.url}`)]),
      'echo "=== end"',
      'echo "CASE=$CASE"',
    ].join('\n');
    const { stdout } = await run('bash', ['-c', script], { maxBuffer: 16 * 1024 * 1024 });
    output = Object.fromEntries([...stdout.matchAll(/=== (\w+)\n([\s\S]*?)(?==== |$)/g)].map((m) => [m[1]!, m[2]!]));
    await t.stack.settle();
  }, 120_000);
  afterAll(() => t?.stop());

  const caseId = () => /CASE=(\S+)/.exec(output.end!)![1]!;

  it('the case walkthrough: every action accepted, the case reopened once and closed fixed', async () => {
    expect(output.case).not.toContain('"error"');
    const admin = await t.token({ role: 'admin', sub: 'admin-centre' });
    const view = (await t.api('GET', `/v1/cases/${caseId()}`, { token: admin })).body;
    expect(view).toMatchObject({ status: 'closed', reopenCount: 1, departmentId: 'urban', closure: { code: 'fixed' } });
    const texts = t.outbox(REPORTER).map((m) => m.text);
    expect(texts.filter((x) => x.includes(caseId())).length).toBeGreaterThanOrEqual(4);
    expect(texts.at(-1)).toContain('已办结');
  });

  it('the visits walkthrough: the roster booked V001, V001 was called on and checked in by SMS', async () => {
    // The roster's output is the block's first answer: `null` would mean the run never started.
    expect(output.visits).toMatch(/^\{\n\s+"weekId"/);
    expect(output.visits).not.toContain('"error"');
    const admin = await t.token({ role: 'admin', sub: 'admin-centre' });
    const visits = (await t.api('GET', '/v1/visits?volunteerId=V001', { token: admin })).body as unknown[];
    expect(visits.length).toBeGreaterThan(0);
    expect(t.outbox(V001).at(-1)?.text).toContain('已签到');
  });
});
