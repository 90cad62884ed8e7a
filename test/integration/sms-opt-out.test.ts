import { DEMO_VOLUNTEERS } from '../../local/seed/demo-data';
import { gridWorkerPhone, useCaseFlow } from '../support/case-flow';

const ACK = '已退订';
const RESUMED = '已恢复';

describe('SMS opt-out (退订) on the local engine', () => {
  const ctx = useCaseFlow();
  const texts = (phone: string) => ctx.t.outbox(phone).map((m) => m.text);
  const reply = async (from: string, text: string) => {
    expect((await ctx.t.api('POST', '/local/sms/inbound', { body: { from, text } })).status).toBe(202);
    await ctx.t.stack.settle();
  };

  it('退订 is acknowledged once; the case moves on without a word to the resident until 订阅', async () => {
    await ctx.flow.nextMorning();
    const c = await ctx.flow.submit();
    expect(texts(c.phone)).toHaveLength(1);

    await reply(c.phone, ' 退订 ');
    await reply(c.phone, '退订');
    expect(texts(c.phone).slice(1)).toEqual([expect.stringContaining(ACK)]);
    expect(texts(c.phone)[1]!.length).toBeLessThanOrEqual(70);

    await ctx.flow.actOk(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'needs-dispatch', note: '需市政维修' });
    await ctx.flow.actOk(c.caseId, 'urban', { type: 'accept' });
    expect(await ctx.flow.view(c.caseId)).toMatchObject({ status: 'in-progress' });
    expect(texts(c.phone)).toHaveLength(2);

    await reply(c.phone, '订阅');
    expect(texts(c.phone).at(-1)).toContain(RESUMED);
    await ctx.flow.actOk(c.caseId, 'urban', { type: 'resolve', note: '已修补' });
    await ctx.flow.actOk(c.caseId, 'gridG01', { type: 'verify', passed: true, note: '已修好' });
    expect(texts(c.phone).at(-1)).toContain('1满意');
  });

  it('full-width ＴＤ opts out; a new report by that phone opts back in', async () => {
    await ctx.flow.nextMorning();
    const first = await ctx.flow.submit();
    await reply(first.phone, 'ＴＤ');
    expect(texts(first.phone).at(-1)).toContain(ACK);
    await ctx.flow.actOk(first.caseId, 'gridG01', { type: 'grid-check', outcome: 'invalid', note: '现场未发现问题' });
    expect(await ctx.flow.view(first.caseId)).toMatchObject({ status: 'closed' });
    expect(texts(first.phone).some((x) => x.includes('经核实不成立'))).toBe(false);

    const second = await ctx.flow.submit({ reporter: { phone: first.phone, name: '测试居民' } });
    await ctx.flow.actOk(second.caseId, 'gridG01', { type: 'grid-check', outcome: 'invalid', note: '现场未发现问题' });
    expect(texts(first.phone).at(-1)).toContain('经核实不成立');
    expect(texts(first.phone).at(-1)).toContain(second.caseId);
  });

  it('a grid worker who sent STOP still gets emergencies, but not general cases', async () => {
    await ctx.flow.nextMorning();
    const worker = gridWorkerPhone('G02');
    await reply(worker, 'stop');
    expect(texts(worker).at(-1)).toContain(ACK);

    const general = await ctx.flow.submit({ location: { gridId: 'G02', address: '金水苑东区一号' } });
    const emergency = await ctx.flow.submit({ category: 'gas-leak', description: '楼道有燃气味', location: { gridId: 'G02', address: '金水苑东区二号' } });
    expect(texts(worker).some((x) => x.includes(general.caseId))).toBe(false);
    expect(texts(worker).some((x) => x.includes(emergency.caseId))).toBe(true);

    await reply(worker, '订阅');
    const after = await ctx.flow.submit({ location: { gridId: 'G02', address: '金水苑东区三号' } });
    expect(texts(worker).some((x) => x.includes(after.caseId))).toBe(true);
  });

  it('a volunteer who replied n gets the answer to their own claim, but no contact reminder', async () => {
    await ctx.flow.nextMorning();
    const gridWorker = await ctx.t.token({ role: 'grid-worker', grids: ['G03'], sub: 'gw-G03' });
    const created = await ctx.t.api('POST', '/v1/wishes', {
      token: gridWorker,
      body: { beneficiary: { name: '马玉兰', phone: '13512340009', gridId: 'G03' }, group: 'child', category: '维修', title: '修自行车', description: '孩子上学的自行车坏了', estimatedCost: 80, daysToFulfil: 30 },
    });
    expect(created.status).toBe(201);
    await ctx.t.stack.settle();
    const wishId = created.body.wishId as string;
    expect((await ctx.t.api('POST', `/v1/wishes/${wishId}/actions`, { token: gridWorker, body: { type: 'vet', approved: true, note: '情况属实' } })).status).toBe(202);
    await ctx.t.stack.settle();

    const v = DEMO_VOLUNTEERS[5]!;
    await reply(v.phone, 'n');
    expect(texts(v.phone).at(-1)).toContain(ACK);
    const token = await ctx.t.token({ role: 'volunteer', volunteerId: v.volunteerId, sub: `vol-${v.volunteerId}` });
    expect((await ctx.t.api('POST', `/v1/wishes/${wishId}/actions`, { token, body: { type: 'claim' } })).status).toBe(202);
    await ctx.t.stack.settle();
    expect(texts(v.phone).at(-1)).toContain(wishId);

    await ctx.t.advance(5 * 86400 + 1);
    await ctx.flow.nextMorning();
    expect(texts(v.phone).some((x) => x.includes('尚未对接'))).toBe(false);
  });
});
