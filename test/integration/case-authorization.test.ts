import { CaseFlow, useCaseFlow } from '../support/case-flow';

type Who = keyof typeof CaseFlow.staff | 'resident' | 'wrong-code' | 'nobody';
const EVERYONE: Who[] = ['nobody', 'wrong-code', 'volunteer', 'gridG02', 'water', 'resident', 'urban', 'gridG01', 'admin'];

/** Who may take each action on a case waiting for it; everyone else gets 403 (or 401/404 without proof). */
const MATRIX: Array<{ action: Record<string, unknown>; allowed: Who[]; prepare: (f: CaseFlow) => Promise<{ caseId: string; trackingCode: string }> }> = [
  { action: { type: 'grid-check', outcome: 'needs-dispatch', note: '核实属实' }, allowed: ['gridG01', 'admin'], prepare: (f) => f.submit() },
  {
    action: { type: 'accept' },
    allowed: ['urban'],
    prepare: async (f) => {
      const c = await f.submit();
      await f.actOk(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'needs-dispatch', note: '需派单' });
      return c;
    },
  },
  {
    action: { type: 'refuse', reason: '不属本部门' },
    allowed: ['urban'],
    prepare: async (f) => {
      const c = await f.submit();
      await f.actOk(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'needs-dispatch', note: '需派单' });
      return c;
    },
  },
  { action: { type: 'resolve', note: '已处理' }, allowed: ['urban'], prepare: (f) => f.toInProgress() },
  {
    action: { type: 'verify', passed: true, note: '已核查' },
    allowed: ['gridG01', 'admin'],
    prepare: async (f) => {
      const c = await f.toInProgress();
      await f.actOk(c.caseId, 'urban', { type: 'resolve', note: '已处理' });
      return c;
    },
  },
  { action: { type: 'feedback', rating: 'satisfied' }, allowed: ['resident'], prepare: (f) => f.toFeedback() },
];

describe('authorization matrix: each action × each role and scope', () => {
  const ctx = useCaseFlow();

  async function attempt(caseId: string, trackingCode: string, who: Who, action: Record<string, unknown>) {
    if (who === 'nobody') return (await ctx.t.api('POST', `/v1/cases/${caseId}/actions`, { body: action })).status;
    if (who === 'resident' || who === 'wrong-code') {
      const code = who === 'resident' ? trackingCode : 'ZZZZZZZZZZ';
      return (await ctx.flow.act(caseId, { trackingCode: code }, action)).status;
    }
    return (await ctx.flow.act(caseId, who, action)).status;
  }

  describe.each(MATRIX)('$action.type', ({ action, allowed, prepare }) => {
    it('refuses everyone out of scope, lets the first allowed actor act, then answers 409 to the rest', async () => {
      const c = await prepare(ctx.flow);
      const observed: Record<string, number> = {};
      const expected: Record<string, number> = {};
      const forbidden = EVERYONE.filter((w) => !allowed.includes(w));
      for (const who of [...forbidden, ...allowed]) {
        observed[who] = await attempt(c.caseId, c.trackingCode, who, action);
        expected[who] = who === 'nobody' ? 401 : who === 'wrong-code' ? 404 : !allowed.includes(who) ? 403 : who === allowed[0] ? 202 : 202;
      }
      // A second allowed actor repeats the same action: it is the same decision only for the same actor.
      for (const who of allowed.slice(1)) expected[who] = 409;
      expect(observed).toEqual(expected);
    });

    it('answers 409 NOT_WAITING to an allowed actor when the case is not at that step', async () => {
      const c = await ctx.flow.submit();
      await ctx.flow.actOk(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'invalid', note: '不成立' });
      const who = allowed[0]!;
      const status = await attempt(c.caseId, c.trackingCode, who, action);
      // A department is only in scope once a case is dispatched to it: before that it is out of scope.
      expect(status).toBe(['urban'].includes(who) ? 403 : 409);
    });
  });

  it('only the centre reviews', async () => {
    const c = await ctx.flow.submit();
    expect((await ctx.flow.act(c.caseId, 'urban', { type: 'centre-review', decision: 'close', code: 'withdrawn', note: 'x' })).status).toBe(403);
    const res = await ctx.flow.act(c.caseId, 'admin', { type: 'centre-review', decision: 'close', code: 'withdrawn', note: 'x' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('NOT_WAITING');
  });

  it('rejects a malformed action with the field that is wrong, changing nothing', async () => {
    const c = await ctx.flow.submit();
    const before = (await ctx.flow.view(c.caseId)).timeline.length;
    const bad = await ctx.flow.act(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'maybe', note: '' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['outcome', 'note']));
    const dup = await ctx.flow.act(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'duplicate', note: '重复' });
    expect(dup.body.error.fields).toHaveProperty('duplicateOf');
    expect((await ctx.flow.act(c.caseId, 'gridG01', { type: 'teleport' })).status).toBe(400);
    expect((await ctx.flow.view(c.caseId)).timeline.length).toBe(before);
  });
});
