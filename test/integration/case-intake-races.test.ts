import { useCaseFlow } from '../support/case-flow';

describe('case intake under races and retries', () => {
  const ctx = useCaseFlow();
  let serial = 0;
  const report = (address: string, phone: string, description = '路面塌陷一个大坑，车辆无法通行') => ({
    category: 'road-damage',
    description,
    location: { gridId: 'G01', address },
    reporter: { phone },
  });
  const post = (body: unknown, key?: string) => ctx.t.api('POST', '/v1/cases', { body, ...(key ? { headers: { 'Idempotency-Key': key } } : {}) });

  describe('two identical reports posted at once', () => {
    it.each([1, 2, 3, 4, 5, 6])('round %i: one stays open, the other follows it', async () => {
      serial += 1;
      const address = `同时路${serial}号`;
      const [a, b] = await Promise.all([post(report(address, `1370000${1000 + serial}`)), post(report(address, `1370001${1000 + serial}`))]);
      expect([a.status, b.status]).toEqual([201, 201]);
      await ctx.t.stack.settle();
      const views = await Promise.all([ctx.flow.view(a.body.caseId), ctx.flow.view(b.body.caseId)]);
      const open = views.filter((v) => v.status !== 'closed');
      const merged = views.filter((v) => v.status === 'closed');
      expect(open).toHaveLength(1);
      expect(merged).toHaveLength(1);
      expect(merged[0].closure.code).toBe('duplicate');
      expect(merged[0].closure.note).toContain(open[0].caseId);
    });
  });

  describe('a report in the same second as an original that is already open', () => {
    it.each([1, 2, 3, 4, 5, 6])('round %i: still follows it, whatever the case ids', async () => {
      serial += 1;
      const address = `同秒路${serial}号`;
      const original = await post(report(address, `1370003${1000 + serial}`));
      await ctx.t.stack.settle();
      const repeat = await post(report(address, `1370004${1000 + serial}`));
      await ctx.t.stack.settle();
      expect((await ctx.flow.view(original.body.caseId)).status).not.toBe('closed');
      const merged = await ctx.flow.view(repeat.body.caseId);
      expect(merged.closure).toMatchObject({ code: 'duplicate' });
      expect(merged.closure.note).toContain(original.body.caseId);
    });
  });

  describe('Idempotency-Key', () => {
    it('same key and same body: the same case, created once', async () => {
      const body = report('幂等路1号', '13700020001');
      const first = await post(body, 'same-key-same-body-1');
      const again = await post(body, 'same-key-same-body-1');
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body.caseId).toBe(first.body.caseId);
      expect(again.body.trackingCode).toBeUndefined();
    });

    it('the same body with keys in another order is the same request', async () => {
      const body = report('幂等路2号', '13700020002');
      const first = await post(body, 'same-key-reordered-1');
      const reordered = { reporter: body.reporter, location: { address: body.location.address, gridId: 'G01' }, description: body.description, category: body.category };
      const again = await post(reordered, 'same-key-reordered-1');
      expect(again.status).toBe(201);
      expect(again.body.caseId).toBe(first.body.caseId);
    });

    it('same key with another body: 422 IDEMPOTENCY_KEY_REUSED, and no case is lost silently', async () => {
      const first = await post(report('幂等路3号', '13700020003'), 'same-key-other-body');
      expect(first.status).toBe(201);
      const other = await post(report('另一条路8号', '13700020004', '燃气味很重，疑似泄漏'), 'same-key-other-body');
      expect(other.status).toBe(422);
      expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(other.body.error.message).toEqual(expect.any(String));
      expect(JSON.stringify(other.body)).not.toContain(first.body.caseId);
    });

    it('same key with two bodies at once: one case, the other told 422', async () => {
      const results = await Promise.all([
        post(report('幂等路5号', '13700020005'), 'same-key-concurrent'),
        post(report('幂等路6号', '13700020006'), 'same-key-concurrent'),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    });

    it('a key expires after 24 hours (even where TTL never deletes the record)', async () => {
      const first = await post(report('幂等路7号', '13700020007'), 'same-key-expires');
      expect(first.status).toBe(201);
      await ctx.t.advance(23 * 3600);
      expect((await post(report('幂等路8号', '13700020008'), 'same-key-expires')).status).toBe(422);
      await ctx.t.advance(3600 + 1);
      const later = await post(report('幂等路8号', '13700020008'), 'same-key-expires');
      expect(later.status).toBe(201);
      expect(later.body.caseId).not.toBe(first.body.caseId);
      const replay = await post(report('幂等路8号', '13700020008'), 'same-key-expires');
      expect(replay.body.caseId).toBe(later.body.caseId);
    });

    it('replaying the key of a closed case does not start its workflow again', async () => {
      const body = report('幂等路9号', '13700020009');
      const first = await post(body, 'same-key-closed-case');
      await ctx.t.stack.settle();
      await ctx.flow.actOk(first.body.caseId, 'gridG01', { type: 'grid-check', outcome: 'invalid', note: '现场未见问题' });
      expect((await ctx.flow.view(first.body.caseId)).status).toBe('closed');
      const arn = ctx.t.stack.stateMachineArn('caseLifecycle');
      const before = ctx.t.stack.stepFunctions.list(arn).filter((e) => JSON.stringify(e.input).includes(first.body.caseId)).length;
      const again = await post(body, 'same-key-closed-case');
      await ctx.t.stack.settle();
      expect(again.body).toMatchObject({ caseId: first.body.caseId, status: 'closed' });
      expect(ctx.t.stack.stepFunctions.list(arn).filter((e) => JSON.stringify(e.input).includes(first.body.caseId)).length).toBe(before);
      expect((await ctx.flow.view(first.body.caseId)).status).toBe('closed');
    });
  });
  describe('a grid check sent before triage has looked at a repeat report', () => {
    it.each([1, 2, 3, 4, 5, 6])('round %i: a 202 is never undone by the automatic merge', async () => {
      serial += 1;
      const address = `先核路${serial}号`;
      const original = await post(report(address, `1370005${1000 + serial}`));
      await ctx.t.stack.settle();
      const token = await ctx.flow.token('gridG01');
      const repeat = await post(report(address, `1370006${1000 + serial}`));
      const checked = await ctx.t.api('POST', `/v1/cases/${repeat.body.caseId}/actions`, {
        token,
        body: { type: 'grid-check', outcome: 'needs-dispatch', note: '两处塌陷，需单独处理' },
      });
      await ctx.t.stack.settle();
      const view = await ctx.flow.view(repeat.body.caseId);
      if (checked.status === 202) expect(view.status).toBe('dispatched');
      else expect([checked.status, view.closure?.code]).toEqual([409, 'duplicate']);
      expect((await ctx.flow.view(original.body.caseId)).status).not.toBe('closed');
    });
  });
});
