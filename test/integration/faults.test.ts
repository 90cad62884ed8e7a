import { DynamoPointsLedger } from '../../lib/adapters/aws/dynamo-points-ledger';
import { DEMO_ELDERS, DEMO_VOLUNTEERS } from '../../local/seed/demo-data';
import { startTestStack, type ApiResponse, type TestStack } from '../support/local-stack';

type VisitRow = { visitId: string; volunteerId: string; windowStart: string; status: string };

/**
 * The full case, wish and visit journeys with 20 % of Lambda, DynamoDB, Step Functions and SMS calls
 * failing transiently (seeded). A client retries a 5xx as any client of an AWS API would; everything
 * still reaches its end, and no SMS or points entry is doubled.
 */
describe('journeys under 20 % injected faults', () => {
  jest.setTimeout(300_000);
  let t: TestStack;
  beforeAll(async () => {
    // A Sunday morning: next week's visits begin within a day, so little virtual time needs to pass.
    t = await startTestStack({ faults: { rate: 0.2, seed: 20261123 }, startAt: new Date('2026-11-29T01:00:00Z') });
  });
  afterAll(async () => {
    try {
      // The faults met are part of the output, so a reader sees what the run went through. That the
      // journeys met faults of every kind is checked once they have all run, whatever order they ran in
      // (a failed expectation here fails the file).
      const met = t?.stack.faults.counts();
      console.log(`faults met: ${JSON.stringify(met)}`);
      expect(met).toMatchObject({ lambda: expect.any(Number), dynamodb: expect.any(Number), stepFunctions: expect.any(Number), sms: expect.any(Number) });
      for (const kind of ['lambda', 'dynamodb', 'stepFunctions', 'sms'] as const) expect({ kind, met: met![kind] > 0 }).toEqual({ kind, met: true });
    } finally {
      await t?.stop();
    }
  });

  /** As a client of an AWS API: a 5xx is retried (with the same body and Idempotency-Key). */
  async function call<T = any>(method: string, path: string, opts: Parameters<TestStack['api']>[2] = {}): Promise<ApiResponse<T>> {
    for (let attempt = 1; ; attempt += 1) {
      const res = await t.api<T>(method, path, opts);
      if (res.status < 500 || attempt === 10) return res;
    }
  }
  const token = async (claims: Record<string, unknown>) => (await call<{ token: string }>('POST', '/local/auth/token', { body: claims })).body.token;
  const gw = (grid: string) => token({ role: 'grid-worker', grids: [grid], sub: `gw-${grid}` });
  const dept = () => token({ role: 'department', department: 'urban', sub: 'dept-urban' });
  const admin = () => token({ role: 'admin', sub: 'admin-centre' });
  const volunteer = (id: string) => token({ role: 'volunteer', volunteerId: id, sub: `vol-${id}` });
  const settled = async <T>(res: Promise<T>) => {
    const out = await res;
    await t.stack.settle();
    return out;
  };
  const ledger = (volunteerId: string) =>
    new DynamoPointsLedger(
      t.db(),
      'minqing-local-main',
    ).entries(volunteerId);
  const noDoubles = (id: string) => {
    const mine = t.outbox().filter((m) => m.text.includes(id)).map((m) => `${m.to}|${m.text}`);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine).size).toBe(mine.length);
  };

  it('a case goes from report to closed', async () => {
    const created = await settled(
      call('POST', '/v1/cases', {
        headers: { 'idempotency-key': 'faults-case-1' },
        body: { category: 'road-damage', description: '路面塌陷需要修补', location: { gridId: 'G01', address: '金水苑3号楼' }, reporter: { phone: '13912349001' } },
      }),
    );
    expect(created.status).toBe(201);
    const { caseId, trackingCode } = created.body;
    const act = async (bearer: string, body: unknown) => (await settled(call('POST', `/v1/cases/${caseId}/actions`, { token: bearer, body }))).status;
    expect(await act(await gw('G01'), { type: 'grid-check', outcome: 'needs-dispatch', note: '路面塌陷' })).toBe(202);
    expect(await act(await dept(), { type: 'accept' })).toBe(202);
    expect(await act(await dept(), { type: 'resolve', note: '已修补' })).toBe(202);
    expect(await act(await gw('G01'), { type: 'verify', passed: true, note: '已修好' })).toBe(202);
    const rated = await settled(call('POST', `/v1/cases/${caseId}/actions`, { headers: { 'x-tracking-code': trackingCode }, body: { type: 'feedback', rating: 'satisfied' } }));
    expect(rated.status).toBe(202);
    expect((await call('GET', `/v1/cases/${caseId}`, { headers: { 'x-tracking-code': trackingCode } })).body.status).toBe('closed');
    noDoubles(caseId);
  });

  it('a wish goes from submitted to confirmed, points credited once', async () => {
    const created = await settled(
      call('POST', '/v1/wishes', {
        token: await gw('G03'),
        body: { beneficiary: { name: '马玉兰', phone: '13512349001', gridId: 'G03' }, group: 'child', category: '学习用品', title: '一个新书包', description: '书包破了', estimatedCost: 120 },
      }),
    );
    expect(created.status).toBe(201);
    const wishId = created.body.wishId as string;
    const v = DEMO_VOLUNTEERS[0]!.volunteerId;
    const act = async (bearer: string, body: unknown) => (await settled(call('POST', `/v1/wishes/${wishId}/actions`, { token: bearer, body }))).status;
    expect(await act(await gw('G03'), { type: 'vet', approved: true, note: '属实' })).toBe(202);
    expect(await act(await volunteer(v), { type: 'claim' })).toBe(202);
    expect(await act(await volunteer(v), { type: 'contact' })).toBe(202);
    expect(await act(await volunteer(v), { type: 'fulfil', note: '已送到' })).toBe(202);
    expect(await act(await gw('G03'), { type: 'confirm', note: '已收到' })).toBe(202);
    expect((await call('GET', `/v1/wishes/${wishId}`, { token: await gw('G03') })).body.status).toBe('confirmed');
    expect((await ledger(v)).filter((e) => e.ref === wishId)).toHaveLength(1);
    noDoubles(wishId);
  });

  it('a rostered visit is reminded, checked in and out, points credited once', async () => {
    const started = await settled(call('POST', '/v1/admin/workflows/weekly-roster/executions', { token: await admin(), body: {} }));
    expect(started.status).toBe(202);
    const bearer = await admin();
    const lists = await Promise.all(DEMO_ELDERS.map((e) => call<VisitRow[]>('GET', `/v1/visits?elderId=${e.elderId}`, { token: bearer })));
    expect(lists.every((l) => l.status === 200)).toBe(true);
    const first = lists.flatMap((l) => l.body).sort((a, b) => a.windowStart.localeCompare(b.windowStart))[0]!;
    await t.advance((Date.parse(first.windowStart) - t.stack.clock.nowMs()) / 1000 - 2 * 3600 + 1);
    const vt = await volunteer(first.volunteerId);
    expect((await settled(call('POST', `/v1/visits/${first.visitId}/check-in`, { token: vt }))).status).toBe(202);
    expect((await settled(call('POST', `/v1/visits/${first.visitId}/check-out`, { token: vt, body: { wellbeing: 'ok', note: '陪老人聊天' } }))).status).toBe(202);
    const after = await call<VisitRow[]>('GET', `/v1/visits?volunteerId=${first.volunteerId}`, { token: vt });
    expect(after.body.find((x) => x.visitId === first.visitId)?.status).toBe('completed');
    expect((await ledger(first.volunteerId)).filter((e) => e.ref === first.visitId)).toHaveLength(1);
    const reminders = t.outbox().filter((m) => m.text.includes(first.visitId));
    expect(reminders.filter((m) => m.text.includes('明天'))).toHaveLength(1);
    expect(reminders.filter((m) => m.text.includes('将于'))).toHaveLength(1);
  });

});
