import { GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { startTestStack, type TestStack } from '../support/local-stack';
import { dutyPhone, gridWorkerPhone } from '../support/case-flow';

/** People as they would use the system: each with their own token, the resident with a tracking code. */
describe('case journeys over HTTP', () => {
  let t: TestStack;
  let sfn: SFNClient;
  const written: string[] = [];
  const originalWrite = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const RESIDENTS = [
    { phone: '13712345001', name: '李秀英', address: '祥和家园7号楼东侧人行道' },
    { phone: '13712345002', name: '王建国', address: '同心苑北门路灯杆下' },
  ];

  beforeAll(async () => {
    t = await startTestStack();
    sfn = new SFNClient({ endpoint: t.stack.endpoints.stepFunctions, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    // Everything the handlers log, to check no personal data is in it.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => (written.push(String(chunk)), originalWrite.out(chunk, ...(rest as []))) ) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => (written.push(String(chunk)), originalWrite.err(chunk, ...(rest as [])))) as typeof process.stderr.write;
  });
  afterAll(async () => {
    process.stdout.write = originalWrite.out;
    process.stderr.write = originalWrite.err;
    sfn.destroy();
    await t.stop();
  });

  const token = (claims: Parameters<TestStack['token']>[0]) => t.token(claims);
  async function act(caseId: string, auth: { token?: string; code?: string }, body: Record<string, unknown>) {
    const res = await t.api('POST', `/v1/cases/${caseId}/actions`, { body, ...(auth.token ? { token: auth.token } : { headers: { 'x-tracking-code': auth.code! } }) });
    expect({ type: body.type, status: res.status }).toEqual({ type: body.type, status: 202 });
    await t.stack.settle();
  }
  async function report(resident: (typeof RESIDENTS)[number], category: string) {
    const res = await t.api('POST', '/v1/cases', {
      body: { category, description: `${resident.address}有问题，请尽快处理`, location: { address: resident.address }, reporter: { phone: resident.phone, name: resident.name } },
    });
    expect(res.status).toBe(201);
    await t.stack.settle();
    return res.body as { caseId: string; trackingCode: string };
  }
  const residentView = async (c: { caseId: string; trackingCode: string }) => (await t.api('GET', `/v1/cases/${c.caseId}`, { headers: { 'x-tracking-code': c.trackingCode } })).body;

  /**
   * The two journeys run once each, in their own tests or first for a test that reads what they leave
   * behind (the counters, the histories), so no test depends on the order the tests run in.
   */
  let happyPathRun: Promise<void> | undefined;
  const happyPath = () =>
    (happyPathRun ??= (async () => {
      const resident = RESIDENTS[0]!;
      const c = await report(resident, 'road-damage');
      const gridWorker = await token({ role: 'grid-worker', grids: ['G04'], sub: 'gw-G04' });
      const urban = await token({ role: 'department', department: 'urban', sub: 'dept-urban' });

      expect((await residentView(c)).status).toBe('grid-check');
      const worklist = await t.api('GET', '/v1/worklist', { token: gridWorker });
      expect(worklist.body.map((w: { caseId: string }) => w.caseId)).toContain(c.caseId);

      await act(c.caseId, { token: gridWorker }, { type: 'grid-check', outcome: 'needs-dispatch', note: '人行道砖块松动' });
      await act(c.caseId, { token: urban }, { type: 'accept' });
      await act(c.caseId, { token: urban }, { type: 'resolve', note: '已重新铺设' });
      await act(c.caseId, { token: gridWorker }, { type: 'verify', passed: true, note: '现场已修复' });
      await act(c.caseId, { code: c.trackingCode }, { type: 'feedback', rating: 'satisfied' });

      const view = await residentView(c);
      expect(view).toMatchObject({ status: 'closed', closure: { code: 'fixed' }, gridId: 'G04', departmentId: 'urban' });
      expect(view.timeline.every((e: Record<string, unknown>) => !('actorId' in e))).toBe(true);
      const toResident = t.outbox(resident.phone).map((m) => m.text);
      expect(toResident[0]).toContain(c.trackingCode);
      expect(toResident.some((x) => x.includes('1满意'))).toBe(true);
      expect(toResident.at(-1)).toContain('已解决');
      expect(t.outbox(gridWorkerPhone('G04')).map((m) => m.text).filter((x) => x.includes(c.caseId))).toHaveLength(2);
      expect(t.outbox(dutyPhone('urban')).some((m) => m.text.includes(c.caseId))).toBe(true);
      for (const m of t.outbox()) expect(m.text.length).toBeLessThanOrEqual(70);
    })());
  it('happy path: report → check → dispatch → accept → resolve → verify → satisfied → closed fixed', () => happyPath());

  let reopenPathRun: Promise<void> | undefined;
  const reopenPath = () =>
    (reopenPathRun ??= (async () => {
      const resident = RESIDENTS[1]!;
      const c = await report(resident, 'streetlight');
      const gridWorker = await token({ role: 'grid-worker', grids: ['G06'], sub: 'gw-G06' });
      const urban = await token({ role: 'department', department: 'urban', sub: 'dept-urban' });
      await act(c.caseId, { token: gridWorker }, { type: 'grid-check', outcome: 'needs-dispatch', note: '路灯不亮属实' });
      await act(c.caseId, { token: urban }, { type: 'accept' });
      await act(c.caseId, { token: urban }, { type: 'resolve', note: '已更换灯泡' });
      await act(c.caseId, { token: gridWorker }, { type: 'verify', passed: true, note: '已亮' });

      expect((await t.api('POST', '/local/sms/inbound', { body: { from: resident.phone, text: '不满意' } })).status).toBe(202);
      await t.stack.settle();
      expect(await residentView(c)).toMatchObject({ status: 'dispatched', reopenCount: 1, departmentId: 'urban' });
      expect(t.outbox(dutyPhone('urban')).some((m) => m.text.includes(c.caseId) && m.text.startsWith('【民情直通】重办'))).toBe(true);

      await act(c.caseId, { token: urban }, { type: 'accept' });
      await act(c.caseId, { token: urban }, { type: 'resolve', note: '更换了整套灯具' });
      await act(c.caseId, { token: gridWorker }, { type: 'verify', passed: true, note: '夜间复查正常' });
      await act(c.caseId, { code: c.trackingCode }, { type: 'feedback', rating: 'satisfied' });
      expect(await residentView(c)).toMatchObject({ status: 'closed', closure: { code: 'fixed' }, reopenCount: 1 });
    })());
  it('reopen path: dissatisfied by SMS → reopened → dispatched again → satisfied', () => reopenPath());

  it('reports the three rates from the counters kept along the way', async () => {
    await happyPath();
    await reopenPath();
    const admin = await token({ role: 'admin', sub: 'admin-centre' });
    const byDepartment = await t.api('GET', '/v1/metrics?from=2026-11-23&to=2026-11-23&by=department', { token: admin });
    expect(byDepartment.status).toBe(200);
    expect(byDepartment.body).toEqual([
      { key: 'urban', received: 2, responded: 2, resolved: 2, rated: 3, satisfied: 2, responseRate: 1, resolutionRate: 1, satisfactionRate: 0.6667 },
    ]);
    const byGrid = await t.api('GET', '/v1/metrics?from=2026-11-01&to=2026-11-30&by=grid', { token: admin });
    expect(byGrid.body.map((r: { key: string; received: number }) => [r.key, r.received])).toEqual([
      ['G04', 1],
      ['G06', 1],
    ]);
    const empty = await t.api('GET', '/v1/metrics?from=2026-12-01&to=2026-12-31&by=category', { token: admin });
    expect(empty.body).toEqual([]);
    const bad = await t.api('GET', '/v1/metrics?from=tomorrow&to=2026-11-30&by=mood', { token: admin });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['from', 'by']));
    const notAdmin = await t.api('GET', '/v1/metrics?from=2026-11-23&to=2026-11-23', { token: await token({ role: 'grid-worker', grids: ['G04'] }) });
    expect(notAdmin.status).toBe(403);
  });

  it('keeps phone numbers, names and addresses out of every execution history and every log line', async () => {
    await happyPath();
    await reopenPath();
    const executions = t.stack.stepFunctions.list(t.stack.stateMachineArn('caseLifecycle'));
    expect(executions.length).toBeGreaterThanOrEqual(2);
    const histories = await Promise.all(executions.map((e) => sfn.send(new GetExecutionHistoryCommand({ executionArn: e.executionArn }))));
    const everything = [JSON.stringify(histories), JSON.stringify(executions.map((e) => [e.input, e.output])), written.join('')];
    const staffPhones = [gridWorkerPhone('G04'), dutyPhone('urban')];
    for (const text of everything) {
      for (const r of RESIDENTS) {
        expect(text).not.toContain(r.phone);
        expect(text).not.toContain(r.name);
        expect(text).not.toContain(r.address);
      }
      for (const phone of staffPhones) expect(text).not.toContain(phone.slice(3));
    }
    expect(written.join('')).toContain('sms sent');
  });
});
