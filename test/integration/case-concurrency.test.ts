import { useCaseFlow } from '../support/case-flow';

describe('concurrent and repeated actions', () => {
  const ctx = useCaseFlow();

  it('of two different actions on one step exactly one wins', async () => {
    const c = await ctx.flow.submit();
    await ctx.flow.actOk(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'needs-dispatch', note: '需派单' });
    const [a, b] = await Promise.all([
      ctx.flow.act(c.caseId, 'urban', { type: 'accept' }),
      ctx.flow.act(c.caseId, 'urban', { type: 'refuse', reason: '不属本部门', suggestedDepartmentId: 'water' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const view = await ctx.flow.view(c.caseId);
    const decisions = view.timeline.filter((e: { note: string }) => /^(部门签收|部门退单)/.test(e.note));
    expect(decisions).toHaveLength(1);
    expect(view.status).toBe(a.status === 202 ? 'in-progress' : 'dispatched');
  });

  it('a grid worker and the centre checking at once: one decision, the other told it is taken', async () => {
    const c = await ctx.flow.submit();
    const results = await Promise.all([
      ctx.flow.act(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'invalid', note: '不成立' }),
      ctx.flow.act(c.caseId, 'admin', { type: 'grid-check', outcome: 'needs-dispatch', note: '需派单' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([202, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('NOT_WAITING');
  });

  it('the same action sent five times at once is accepted and takes effect once', async () => {
    const c = await ctx.flow.submit();
    const action = { type: 'grid-check', outcome: 'needs-dispatch', note: '需派单' };
    const results = await Promise.all(Array.from({ length: 5 }, () => ctx.flow.act(c.caseId, 'gridG01', action)));
    expect(results.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    const view = await ctx.flow.view(c.caseId);
    expect(view.timeline.filter((e: { note: string }) => e.note.startsWith('网格员核实'))).toHaveLength(1);
    expect(view).toMatchObject({ status: 'dispatched', departmentId: 'urban' });
    const again = await ctx.flow.act(c.caseId, 'gridG01', action);
    expect(again.status).toBe(202);
    expect((await ctx.flow.view(c.caseId)).timeline.length).toBe(view.timeline.length);
  });
});
