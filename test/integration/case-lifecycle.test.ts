import { centrePhone, dutyPhone, gridWorkerPhone, headPhone, useCaseFlow } from '../support/case-flow';

describe('case lifecycle on the local engine', () => {
  const ctx = useCaseFlow();

  const statuses = (view: { timeline: Array<{ status: string }> }) => [...new Set(view.timeline.map((e) => e.status))];
  const texts = (phone: string) => ctx.t.outbox(phone).map((m) => m.text);

  it('resolved on site → rated → closed as resolved-on-site', async () => {
    const c = await ctx.flow.submit();
    expect(await ctx.flow.actOk(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'resolved-on-site', note: '已现场清理' })).toEqual({ caseId: c.caseId, status: 'feedback' });
    expect((await ctx.flow.view(c.caseId)).status).toBe('feedback');
    expect(texts(c.phone).some((x) => x.includes('1满意'))).toBe(true);
    await ctx.flow.actOk(c.caseId, { trackingCode: c.trackingCode }, { type: 'feedback', rating: 'satisfied' });
    const view = await ctx.flow.view(c.caseId);
    expect(view).toMatchObject({ status: 'closed', closure: { code: 'resolved-on-site' } });
    expect(texts(c.phone).at(-1)).toContain('已现场解决');
  });

  it('invalid → closed as invalid, reporter told why', async () => {
    const c = await ctx.flow.submit();
    await ctx.flow.actOk(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'invalid', note: '现场未发现问题' });
    const view = await ctx.flow.view(c.caseId);
    expect(view).toMatchObject({ status: 'closed', closure: { code: 'invalid', note: '现场未发现问题' } });
    expect(texts(c.phone).at(-1)).toContain('经核实不成立');
  });

  it('a second report of the same place is merged; its reporter hears when the original closes', async () => {
    const original = await ctx.flow.submit({ location: { gridId: 'G01', address: '紫金花城东门' } });
    const repeat = await ctx.flow.submit({ location: { gridId: 'G01', address: '紫金花城 东门' } });
    const merged = await ctx.flow.view(repeat.caseId);
    expect(merged).toMatchObject({ status: 'closed', closure: { code: 'duplicate' } });
    expect(merged.closure.note).toContain(original.caseId);
    expect(texts(repeat.phone).at(-1)).toContain(original.caseId);
    expect((await ctx.flow.view(original.caseId)).status).toBe('grid-check');

    await ctx.flow.actOk(original.caseId, 'gridG01', { type: 'grid-check', outcome: 'resolved-on-site', note: '已处理' });
    await ctx.flow.actOk(original.caseId, { trackingCode: original.trackingCode }, { type: 'feedback', rating: 'satisfied' });
    expect(texts(repeat.phone).at(-1)).toBe(`【民情直通】您的诉求${repeat.caseId}已办结：已现场解决。`);
  });

  it('a grid worker can mark a report as a duplicate of an open case', async () => {
    const original = await ctx.flow.submit();
    const other = await ctx.flow.submit();
    await ctx.flow.actOk(other.caseId, 'gridG01', { type: 'grid-check', outcome: 'duplicate', duplicateOf: original.caseId, note: '同一处破损' });
    expect(await ctx.flow.view(other.caseId)).toMatchObject({ status: 'closed', closure: { code: 'duplicate' } });
  });

  it('dispatch → accept → resolve → verify → satisfied → closed fixed, with every step in the timeline', async () => {
    const c = await ctx.flow.submit();
    await ctx.flow.actOk(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'needs-dispatch', note: '需市政维修' });
    expect(await ctx.flow.view(c.caseId)).toMatchObject({ status: 'dispatched', departmentId: 'urban' });
    expect(texts(dutyPhone('urban')).some((x) => x.includes(c.caseId) && x.includes('签收'))).toBe(true);

    expect((await ctx.flow.actOk(c.caseId, 'urban', { type: 'accept' })).status).toBe('in-progress');
    expect((await ctx.flow.view(c.caseId)).status).toBe('in-progress');
    expect(texts(c.phone).some((x) => x.includes('城市管理局受理'))).toBe(true);

    await ctx.flow.actOk(c.caseId, 'urban', { type: 'resolve', note: '已修补' });
    expect((await ctx.flow.view(c.caseId)).status).toBe('verifying');
    expect(texts(gridWorkerPhone('G01')).some((x) => x.includes(c.caseId) && x.includes('核查'))).toBe(true);

    await ctx.flow.actOk(c.caseId, 'gridG01', { type: 'verify', passed: true, note: '已修好' });
    await ctx.flow.actOk(c.caseId, { trackingCode: c.trackingCode }, { type: 'feedback', rating: 'basically-satisfied' });
    const view = await ctx.flow.view(c.caseId);
    expect(view).toMatchObject({ status: 'closed', closure: { code: 'fixed' }, reopenCount: 0 });
    expect(statuses(view)).toEqual(['submitted', 'grid-check', 'dispatched', 'in-progress', 'verifying', 'feedback', 'closed']);
    expect(view.timeline.filter((e: { actor: string }) => e.actor !== 'system').map((e: { actor: string }) => e.actor)).toEqual([
      'resident',
      'grid-worker',
      'department',
      'department',
      'grid-worker',
      'resident',
    ]);
    expect(texts(c.phone).at(-1)).toContain('已解决');
  });

  it('a refusal re-dispatches to the suggested department', async () => {
    const c = await ctx.flow.submit();
    await ctx.flow.actOk(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'needs-dispatch', note: '疑似水管破裂' });
    await ctx.flow.actOk(c.caseId, 'urban', { type: 'refuse', reason: '属供水管网', suggestedDepartmentId: 'water' });
    expect(await ctx.flow.view(c.caseId)).toMatchObject({ status: 'dispatched', departmentId: 'water' });
    expect((await ctx.flow.act(c.caseId, 'urban', { type: 'accept' })).status).toBe(403);
    expect((await ctx.flow.actOk(c.caseId, 'water', { type: 'accept' })).status).toBe('in-progress');
  });

  it('nobody accepts in time → the whistle blows to the centre and head, then the district takes it', async () => {
    const c = await ctx.flow.submit();
    await ctx.flow.actOk(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'needs-dispatch', note: '需维修' });
    await ctx.t.advance(2 * 3600 + 1);
    expect(texts(centrePhone()).some((x) => x.includes('吹哨') && x.includes(c.caseId))).toBe(true);
    expect(texts(headPhone('urban')).some((x) => x.includes('吹哨') && x.includes(c.caseId))).toBe(true);
    expect(await ctx.flow.view(c.caseId)).toMatchObject({ status: 'dispatched', departmentId: 'urban' });

    await ctx.t.advance(2 * 3600 + 1);
    expect(await ctx.flow.view(c.caseId)).toMatchObject({ status: 'dispatched', departmentId: 'district' });
    expect(texts(dutyPhone('district')).some((x) => x.includes(c.caseId))).toBe(true);
    expect((await ctx.flow.actOk(c.caseId, 'district', { type: 'accept' })).status).toBe('in-progress');
  });

  it('an answer given after the whistle, while the workflow waits on a new token, still counts', async () => {
    const c = await ctx.flow.submit();
    await ctx.flow.actOk(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'needs-dispatch', note: '需维修' });
    await ctx.t.advance(2 * 3600 + 1);
    await ctx.flow.actOk(c.caseId, 'urban', { type: 'accept' });
    expect(await ctx.flow.view(c.caseId)).toMatchObject({ status: 'in-progress', departmentId: 'urban' });
  });

  it('reminds the department at half and 80 % of the time, then escalates when the case is overdue', async () => {
    await ctx.flow.nextMorning();
    const c = await ctx.flow.toInProgress();
    const duty = dutyPhone('urban');
    const mine = () => texts(duty).filter((x) => x.includes(c.caseId));
    const before = mine().length;
    const total = (Date.parse((await ctx.flow.view(c.caseId)).dueAt) - ctx.t.stack.clock.nowMs()) / 1000;

    const notes = async () => (await ctx.flow.view(c.caseId)).timeline.map((e: { note: string }) => e.note);
    await ctx.t.advance(total * 0.5 + 1);
    expect(await notes()).toContain('提醒：部门办理时限过半');
    await ctx.t.advance(total * 0.3 + 1);
    expect(await notes()).toContain('提醒：部门办理即将到期');
    await ctx.t.advance(total * 0.2 + 1);
    expect(texts(centrePhone()).some((x) => x.includes('督办') && x.includes(c.caseId))).toBe(true);
    expect(texts(headPhone('urban')).some((x) => x.includes('督办') && x.includes(c.caseId))).toBe(true);
    const view = await ctx.flow.view(c.caseId);
    expect(view.status).toBe('in-progress');
    expect(view.timeline.map((e: { note: string }) => e.note)).toEqual(expect.arrayContaining([expect.stringContaining('督办')]));

    // Reminders that fell in quiet hours went out with the 07:00 flush.
    await ctx.flow.nextMorning(8);
    expect(mine().slice(before).some((x) => x.includes('时限已过半'))).toBe(true);
    expect(mine().slice(before).some((x) => x.includes('即将到期'))).toBe(true);

    await ctx.flow.actOk(c.caseId, 'urban', { type: 'resolve', note: '已修补' });
    expect((await ctx.flow.view(c.caseId)).status).toBe('verifying');
    // Days of virtual time pass here, through every timer of every case the file's other tests left
    // open (they run in a random order): on a loaded 2-core machine that can take more than a minute.
  }, 240_000);

  it('holds non-urgent SMS in quiet hours until the 07:00 flush; emergencies go out at once', async () => {
    await ctx.flow.nextMorning(23);
    const routine = await ctx.flow.submit();
    const worker = gridWorkerPhone('G01');
    expect(texts(worker).some((x) => x.includes(routine.caseId))).toBe(false);
    expect(texts(routine.phone).some((x) => x.includes(routine.trackingCode))).toBe(true);

    const emergency = await ctx.flow.submit({ category: 'gas-leak', description: '楼道里有很重的燃气味' });
    expect(texts(worker).some((x) => x.includes(emergency.caseId))).toBe(true);

    await ctx.flow.nextMorning(7);
    await ctx.t.advance(60);
    expect(texts(worker).filter((x) => x.includes(routine.caseId))).toHaveLength(1);
  });

  it('a failed verification sends the case back to the department (返工)', async () => {
    await ctx.flow.nextMorning();
    const c = await ctx.flow.toInProgress();
    await ctx.flow.actOk(c.caseId, 'urban', { type: 'resolve', note: '已修补' });
    expect((await ctx.flow.actOk(c.caseId, 'gridG01', { type: 'verify', passed: false, note: '仍有积水' })).status).toBe('in-progress');
    expect((await ctx.flow.view(c.caseId)).status).toBe('in-progress');
    expect(texts(dutyPhone('urban')).some((x) => x.includes(c.caseId) && x.includes('返工'))).toBe(true);
    await ctx.flow.actOk(c.caseId, 'urban', { type: 'resolve', note: '重新修补' });
    await ctx.flow.actOk(c.caseId, 'gridG01', { type: 'verify', passed: true, note: '这次修好了' });
    expect((await ctx.flow.view(c.caseId)).status).toBe('feedback');
  });

  it('dissatisfied → reopened and dispatched again; a second reopen goes to the centre, which decides', async () => {
    await ctx.flow.nextMorning();
    const c = await ctx.flow.toFeedback();
    expect((await ctx.flow.actOk(c.caseId, { trackingCode: c.trackingCode }, { type: 'feedback', rating: 'dissatisfied' })).status).toBe('reopened');
    let view = await ctx.flow.view(c.caseId);
    expect(view).toMatchObject({ status: 'dispatched', departmentId: 'urban', reopenCount: 1 });

    await ctx.flow.actOk(c.caseId, 'urban', { type: 'accept' });
    await ctx.flow.actOk(c.caseId, 'urban', { type: 'resolve', note: '再次修补' });
    await ctx.flow.actOk(c.caseId, 'gridG01', { type: 'verify', passed: true, note: '已修好' });
    await ctx.flow.actOk(c.caseId, { trackingCode: c.trackingCode }, { type: 'feedback', rating: 'dissatisfied' });
    view = await ctx.flow.view(c.caseId);
    expect(view).toMatchObject({ status: 'reopened', reopenCount: 2 });
    expect(texts(centrePhone()).some((x) => x.includes(c.caseId) && x.includes('研判'))).toBe(true);
    const worklist = await ctx.t.api('GET', '/v1/worklist', { token: await ctx.flow.token('admin') });
    expect(worklist.body).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: c.caseId, step: 'centre-review' })]));

    await ctx.flow.actOk(c.caseId, 'admin', { type: 'centre-review', decision: 'close', code: 'not-fixable', note: '受地下管网限制，已纳入明年改造' });
    view = await ctx.flow.view(c.caseId);
    expect(view).toMatchObject({ status: 'closed', closure: { code: 'not-fixable' } });
    expect(texts(c.phone).at(-1)).toContain('暂无法解决');
  });

  it('no rating within 72 hours closes the case, marked unrated', async () => {
    const c = await ctx.flow.toFeedback();
    await ctx.t.advance(72 * 3600 + 1);
    const view = await ctx.flow.view(c.caseId);
    expect(view).toMatchObject({ status: 'closed', closure: { code: 'fixed' } });
    expect(view.closure.note).toContain('未评价');
    expect((await ctx.flow.act(c.caseId, { trackingCode: c.trackingCode }, { type: 'feedback', rating: 'satisfied' })).status).toBe(409);
  });

  it('understands an SMS rating reply, and answers an unknown reply helpfully', async () => {
    await ctx.flow.nextMorning();
    const c = await ctx.flow.toFeedback();
    await ctx.t.api('POST', '/local/sms/inbound', { body: { from: c.phone, text: '好的谢谢' } });
    expect(texts(c.phone).at(-1)).toContain('1满意');
    await ctx.t.api('POST', '/local/sms/inbound', { body: { from: c.phone, text: ' 1 ' } });
    await ctx.t.stack.settle();
    expect(await ctx.flow.view(c.caseId)).toMatchObject({ status: 'closed', closure: { code: 'fixed' } });
    expect(texts(c.phone).some((x) => x.includes('感谢您') && x.includes('满意'))).toBe(true);
    await ctx.t.api('POST', '/local/sms/inbound', { body: { from: '+8613999999999', text: '3' } });
    expect(texts('+8613999999999').at(-1)).toContain('未找到待您评价的诉求');
  });

  it('shows each staff member only their own queue, soonest due first', async () => {
    const c = await ctx.flow.submit();
    const mine = await ctx.t.api('GET', '/v1/worklist', { token: await ctx.flow.token('gridG01') });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual(expect.arrayContaining([{ caseId: c.caseId, step: 'grid-check', dueAt: expect.any(String), category: 'road-damage', gridId: 'G01' }]));
    const dues = mine.body.map((w: { dueAt: string }) => w.dueAt);
    expect(dues).toEqual([...dues].sort());
    const other = await ctx.t.api('GET', '/v1/worklist', { token: await ctx.flow.token('gridG02') });
    expect(other.body.some((w: { caseId: string }) => w.caseId === c.caseId)).toBe(false);
    expect((await ctx.t.api('GET', '/v1/worklist')).status).toBe(401);
    await ctx.flow.actOk(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'needs-dispatch', note: '需派单' });
    const after = await ctx.t.api('GET', '/v1/worklist', { token: await ctx.flow.token('gridG01') });
    expect(after.body.some((w: { caseId: string }) => w.caseId === c.caseId)).toBe(false);
    const urban = await ctx.t.api('GET', '/v1/worklist', { token: await ctx.flow.token('urban') });
    expect(urban.body).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: c.caseId, step: 'accept' })]));
  });
});
