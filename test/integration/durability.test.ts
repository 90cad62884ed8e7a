import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoPointsLedger } from '../../lib/adapters/aws/dynamo-points-ledger';
import { DEMO_ELDERS, DEMO_VOLUNTEERS } from '../../local/seed/demo-data';
import { centrePhone } from '../support/case-flow';
import { StackProcess } from '../support/stack-process';

type VisitRow = { visitId: string; volunteerId: string; windowStart: string; status: string };

/**
 * `kill -9` of `npm start` at many points of every workflow, then a restart on the same data folder:
 * each case, wish and visit still reaches its end, timers included, nothing is sent or credited twice,
 * and the clock never goes back.
 */
describe('a hard kill and a restart lose nothing', () => {
  jest.setTimeout(600_000);
  let dir: string;
  let sp: StackProcess;
  const clockSeen: number[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'minqing-durability-'));
    sp = await StackProcess.start(dir, ['--start-at', '2026-11-23T09:00:00+08:00']);
  });
  afterAll(async () => {
    await sp?.kill().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  /** The console of every process killed so far: what the sender said before a kill is evidence too. */
  const earlierOutput: string[] = [];

  async function killAndRestart(): Promise<void> {
    clockSeen.push(Date.parse((await sp.api<{ now: string }>('GET', '/local/health')).body.now));
    await sp.kill();
    earlierOutput.push(sp.output());
    sp = await StackProcess.start(dir);
    const now = Date.parse((await sp.api<{ now: string }>('GET', '/local/health')).body.now);
    expect(now).toBeGreaterThanOrEqual(clockSeen[clockSeen.length - 1]!);
  }

  const staff = {
    gridG01: { role: 'grid-worker', grids: ['G01'], sub: 'gw-G01' },
    gridG03: { role: 'grid-worker', grids: ['G03'], sub: 'gw-G03' },
    urban: { role: 'department', department: 'urban', sub: 'dept-urban' },
    admin: { role: 'admin', sub: 'admin-centre' },
  };
  const token = (who: keyof typeof staff) => sp.token(staff[who]);
  const volunteerToken = (volunteerId: string) => sp.token({ role: 'volunteer', volunteerId, sub: `vol-${volunteerId}` });
  const caseAct = async (caseId: string, who: keyof typeof staff, body: unknown) =>
    sp.api('POST', `/v1/cases/${caseId}/actions`, { token: await token(who), body });
  const wishAct = async (wishId: string, bearer: string, body: unknown) => sp.api('POST', `/v1/wishes/${wishId}/actions`, { token: bearer, body });
  const caseView = async (c: { caseId: string; trackingCode: string }) =>
    (await sp.api('GET', `/v1/cases/${c.caseId}`, { headers: { 'x-tracking-code': c.trackingCode } })).body;
  const wishView = async (wishId: string) => (await sp.api('GET', `/v1/wishes/${wishId}`, { token: await token('gridG03') })).body;
  async function visits(): Promise<VisitRow[]> {
    const bearer = await token('admin');
    const lists = await Promise.all(DEMO_ELDERS.map((e) => sp.api<VisitRow[]>('GET', `/v1/visits?elderId=${e.elderId}`, { token: bearer })));
    return lists.flatMap((l) => l.body);
  }
  const ledger = (volunteerId: string) =>
    new DynamoPointsLedger(
      DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: sp.dynamodb, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } })),
      'minqing-local-main',
    ).entries(volunteerId);

  it('carries a case, a left-alone case, a wish and a visit to their ends across nine kills', async () => {
    const report = (address: string, phone: string) =>
      sp.api('POST', '/v1/cases', {
        body: { category: 'road-damage', description: '路面塌陷需要修补', location: { gridId: 'G01', address }, reporter: { phone } },
      });
    const caseA = (await report('金水苑3号楼', '13912340001')).body as { caseId: string; trackingCode: string };
    const caseB = (await report('金川路口东侧', '13912340002')).body as { caseId: string; trackingCode: string };
    const wish = await sp.api('POST', '/v1/wishes', {
      token: await token('gridG03'),
      body: { beneficiary: { name: '马玉兰', phone: '13512340001', gridId: 'G03' }, group: 'child', category: '学习用品', title: '一个新书包', description: '孙子上三年级，书包破了', estimatedCost: 120 },
    });
    expect(wish.status).toBe(201);
    const wishId = wish.body.wishId as string;
    const roster = await sp.api('POST', '/v1/admin/workflows/weekly-roster/executions', { token: await token('admin'), body: {} });
    expect(roster.status).toBe(202);
    await sp.settle();
    await killAndRestart(); // 1: every workflow waits on its first person

    expect((await caseAct(caseA.caseId, 'gridG01', { type: 'grid-check', outcome: 'needs-dispatch', note: '路面塌陷约1平方米' })).status).toBe(202);
    expect((await caseAct(caseB.caseId, 'gridG01', { type: 'grid-check', outcome: 'needs-dispatch', note: '井盖松动' })).status).toBe(202);
    expect((await wishAct(wishId, await token('gridG03'), { type: 'vet', approved: true, note: '情况属实' })).status).toBe(202);
    await killAndRestart(); // 2: killed mid-flight, before the workflows took the decisions

    expect((await caseAct(caseA.caseId, 'urban', { type: 'accept' })).status).toBe(202);
    // Tokens name the issuer's URL, whose port a restart on PORT=0 changes: each step mints its own.
    const v1 = () => volunteerToken(DEMO_VOLUNTEERS[0]!.volunteerId);
    expect((await wishAct(wishId, await v1(), { type: 'claim' })).status).toBe(202);
    await sp.settle();
    await killAndRestart(); // 3

    expect((await caseAct(caseA.caseId, 'urban', { type: 'resolve', note: '已回填修补' })).status).toBe(202);
    expect((await wishAct(wishId, await v1(), { type: 'contact' })).status).toBe(202);
    await sp.settle();
    await killAndRestart(); // 4

    expect((await caseAct(caseA.caseId, 'gridG01', { type: 'verify', passed: true, note: '现场已修好' })).status).toBe(202);
    expect((await wishAct(wishId, await v1(), { type: 'fulfil', note: '书包已送到' })).status).toBe(202);
    await killAndRestart(); // 5: mid-flight again

    const rated = await sp.api('POST', `/v1/cases/${caseA.caseId}/actions`, { headers: { 'x-tracking-code': caseA.trackingCode }, body: { type: 'feedback', rating: 'satisfied' } });
    expect(rated.status).toBe(202);
    expect((await wishAct(wishId, await token('gridG03'), { type: 'confirm', note: '受助人已收到' })).status).toBe(202);
    await sp.settle();
    expect((await caseView(caseA)).status).toBe('closed');
    expect((await wishView(wishId)).status).toBe('confirmed');
    await killAndRestart(); // 6

    // Case B was never accepted: its whistle to the centre is a timer set before five kills.
    await sp.advance(3 * 3600);
    expect((await sp.outbox()).some((m) => m.to.endsWith(centrePhone().slice(-11)) && m.text.includes(caseB.caseId))).toBe(true);

    const first = (await visits()).sort((a, b) => a.windowStart.localeCompare(b.windowStart))[0]!;
    expect(first).toBeDefined();
    const nowMs = () => sp.api<{ now: string }>('GET', '/local/health').then((r) => Date.parse(r.body.now));
    await sp.advance((Date.parse(first.windowStart) - (await nowMs())) / 1000 - 20 * 3600); // past the day-before reminder
    await killAndRestart(); // 7: between the two reminders
    await sp.advance((Date.parse(first.windowStart) - (await nowMs())) / 1000 - 2 * 3600 + 1); // past the two-hours-before one
    expect((await sp.api('POST', `/v1/visits/${first.visitId}/check-in`, { token: await volunteerToken(first.volunteerId) })).status).toBe(202);
    await killAndRestart(); // 8: checked in, killed mid-flight
    expect((await sp.api('POST', `/v1/visits/${first.visitId}/check-out`, { token: await volunteerToken(first.volunteerId), body: { wellbeing: 'ok', note: '陪老人聊天' } })).status).toBe(202);
    await sp.settle();
    await killAndRestart(); // 9
    expect((await visits()).find((v) => v.visitId === first.visitId)!.status).toBe('completed');

    // Nothing doubled: per entity, no SMS text twice to one phone, points once each. The one exception
    // SNS allows is a kill between a publish and its record; the sender then says so when it resumes
    // that delivery, and only such an entity may show a repeat.
    const outbox = await sp.outbox();
    const resumed = [...earlierOutput, sp.output()]
      .join('\n')
      .split('\n')
      .filter((line) => line.includes('sms delivery resumed after an interrupted attempt'));
    for (const id of [caseA.caseId, wishId, first.visitId]) {
      const mine = outbox.filter((m) => m.text.includes(id)).map((m) => `${m.to}|${m.text}`);
      expect(mine.length).toBeGreaterThan(1);
      if (!resumed.some((line) => line.includes(id))) expect(new Set(mine).size).toBe(mine.length);
    }
    const reminders = outbox.filter((m) => m.text.includes(first.visitId));
    expect(reminders.filter((m) => m.text.includes('明天'))).toHaveLength(1);
    expect(reminders.filter((m) => m.text.includes('将于'))).toHaveLength(1);
    expect((await ledger(DEMO_VOLUNTEERS[0]!.volunteerId)).filter((e) => e.ref === wishId)).toHaveLength(1);
    expect((await ledger(first.volunteerId)).filter((e) => e.ref === first.visitId)).toHaveLength(1);
    expect(sp.output()).toMatch(/executions restored: \d+ running/);
  });
});
