import { DynamoPointsLedger } from '../../lib/adapters/aws/dynamo-points-ledger';
import { blocksInWeek } from '../../lib/domain/visits/availability';
import { DEMO_ELDERS, DEMO_GRIDS, DEMO_VOLUNTEERS } from '../../local/seed/demo-data';
import { gridWorkerPhone, useCaseFlow } from '../support/case-flow';

type VisitRow = { visitId: string; elderId: string; volunteerId: string; backupVolunteerId?: string; windowStart: string; windowEnd: string; status: string };

describe('临时儿女 companionship visits on the local engine', () => {
  const ctx = useCaseFlow();
  const volunteer = (volunteerId: string) => ctx.t.token({ role: 'volunteer', volunteerId, sub: `vol-${volunteerId}` });
  const admin = () => ctx.t.token({ role: 'admin', sub: 'admin-centre' });
  const phoneOf = (volunteerId: string) => DEMO_VOLUNTEERS.find((v) => v.volunteerId === volunteerId)!.phone;
  let visits: VisitRow[] = [];
  const store = () =>
    new DynamoPointsLedger(
      ctx.t.db(),
      'minqing-local-main',
    );

  async function allVisits(): Promise<VisitRow[]> {
    const token = await admin();
    const lists = await Promise.all(DEMO_ELDERS.map((e) => ctx.t.api<VisitRow[]>('GET', `/v1/visits?elderId=${e.elderId}`, { token })));
    return lists.flatMap((l) => l.body);
  }
  const visit = async (visitId: string) => (await allVisits()).find((v) => v.visitId === visitId)!;
  const untilStart = (v: VisitRow, offsetSeconds: number) => (Date.parse(v.windowStart) - ctx.t.stack.clock.nowMs()) / 1000 + offsetSeconds;

  /**
   * The week's roster, planned once for the whole file by whichever test needs it first, then run again
   * for the same week: the tests below read the visits it booked, whatever order they run in.
   */
  let roster: Promise<{ run: { body: any }; visits: VisitRow[]; rerun: { body: any }; afterRerun: VisitRow[] }> | undefined;
  const planned = () =>
    (roster ??= (async () => {
      const started = await ctx.t.api('POST', '/v1/admin/workflows/weekly-roster/executions', { body: {}, token: await admin() });
      expect(started.status).toBe(202);
      await ctx.t.stack.settle();
      const run = await ctx.t.api('GET', `/v1/admin/workflows/weekly-roster/executions/${started.body.executionId}`, { token: await admin() });
      const booked = await allVisits();
      const again = await ctx.t.api('POST', '/v1/admin/workflows/weekly-roster/executions', { body: { weekOf: '2026-12-01' }, token: await admin() });
      await ctx.t.stack.settle();
      const rerun = await ctx.t.api('GET', `/v1/admin/workflows/weekly-roster/executions/${again.body.executionId}`, { token: await admin() });
      return { run, visits: booked, rerun, afterRerun: await allVisits() };
    })());
  beforeEach(async () => {
    visits = (await planned()).visits;
  });

  it('plans the coming week from the admin API: available, capped, never double-booked, everyone due covered or listed', async () => {
    const { run } = await planned();
    expect(run.body).toMatchObject({ status: 'SUCCEEDED', output: { weekId: '2026-11-30', kept: 0 } });
    const output = run.body.output as { planned: number; uncovered: Array<{ elderId: string }> };
    expect(output.planned + output.uncovered.length).toBe(DEMO_ELDERS.length);

    expect(visits).toHaveLength(output.planned);
    const weekStart = new Date('2026-11-29T16:00:00Z');
    const bookings = visits.map((v) => `${v.volunteerId}@${v.windowStart}`);
    expect(new Set(bookings).size).toBe(bookings.length);
    for (const v of DEMO_VOLUNTEERS) {
      const mine = visits.filter((x) => x.volunteerId === v.volunteerId);
      expect(mine.length).toBeLessThanOrEqual(v.maxVisitsPerWeek);
      const offered = blocksInWeek(v.availability, weekStart).map((b) => b.start.getTime());
      for (const x of mine) expect(offered).toContain(Date.parse(x.windowStart));
    }
    for (const v of visits) {
      expect(v.backupVolunteerId).toBeDefined();
      expect(v.backupVolunteerId).not.toBe(v.volunteerId);
      const elder = DEMO_ELDERS.find((e) => e.elderId === v.elderId)!;
      const chosen = DEMO_VOLUNTEERS.find((x) => x.volunteerId === v.volunteerId)!;
      if (elder.languages.includes('gansu-dialect')) expect(chosen.languages).toContain('gansu-dialect');
    }
  });

  it('changes nothing already booked when the roster runs again for the same week', async () => {
    const { rerun, afterRerun } = await planned();
    expect(rerun.body.output).toMatchObject({ weekId: '2026-11-30', planned: 0, kept: visits.length });
    expect(afterRerun).toEqual(expect.arrayContaining(visits));
  });

  it('reminds the day before and two hours before, once each; check-in and check-out complete the visit and credit points once', async () => {
    // The first visit still far enough ahead for its two-hour reminder (earlier tests may have moved the clock on).
    const first = [...visits].sort((a, b) => a.windowStart.localeCompare(b.windowStart)).filter((v) => Date.parse(v.windowStart) > ctx.t.stack.clock.nowMs() + 3 * 3600_000)[0]!;
    await ctx.t.advance(untilStart(first, -2 * 3600 + 1));
    const texts = ctx.t.outbox(phoneOf(first.volunteerId)).map((m) => m.text).filter((x) => x.includes(first.visitId));
    expect(texts.filter((x) => x.includes('明天'))).toHaveLength(1);
    expect(texts.filter((x) => x.includes('将于'))).toHaveLength(1);
    expect((await visit(first.visitId)).status).toBe('reminded');

    const token = await volunteer(first.volunteerId);
    expect((await ctx.t.api('POST', `/v1/visits/${first.visitId}/check-out`, { token, body: { wellbeing: 'ok', note: '老人精神好' } })).status).toBe(403);
    const other = await volunteer(DEMO_VOLUNTEERS.find((v) => v.volunteerId !== first.volunteerId && v.volunteerId !== first.backupVolunteerId)!.volunteerId);
    expect((await ctx.t.api('POST', `/v1/visits/${first.visitId}/check-in`, { token: other })).status).toBe(403);
    expect((await ctx.t.api('POST', `/v1/visits/${first.visitId}/check-in`, { token })).status).toBe(202);
    expect((await ctx.t.api('POST', `/v1/visits/${first.visitId}/check-in`, { token })).status).toBe(202);
    await ctx.t.stack.settle();
    expect((await visit(first.visitId)).status).toBe('checked-in');
    const out = await ctx.t.api('POST', `/v1/visits/${first.visitId}/check-out`, { token, body: { wellbeing: 'ok', note: '陪老人聊天一小时，精神很好' } });
    expect(out.status).toBe(202);
    await ctx.t.stack.settle();
    expect((await visit(first.visitId)).status).toBe('completed');
    expect((await ctx.t.api('POST', `/v1/visits/${first.visitId}/check-out`, { token, body: { wellbeing: 'ok', note: '重复提交' } })).status).toBe(202);
    const ledger = () => store().entries(first.volunteerId);
    expect((await ledger()).filter((e) => e.ref === first.visitId)).toEqual([{ ref: first.visitId, reason: 'companion-visit', points: 10, at: expect.any(String) }]);

    // The same triggers fired again (a retried Lambda, a duplicated event) change nothing.
    await ctx.t.stack.invoke('visitComplete', { visitId: first.visitId });
    await ctx.t.stack.invoke('visitRemind', { kind: 'day-before', visitId: first.visitId });
    expect((await ledger()).filter((e) => e.ref === first.visitId)).toHaveLength(1);
    expect(ctx.t.outbox(phoneOf(first.volunteerId)).filter((m) => m.text.includes(first.visitId) && m.text.includes('明天'))).toHaveLength(1);
  });

  it('a missed visit goes to the backup and the grid worker; the backup checks in by SMS 到', async () => {
    const candidates = [...visits].sort((a, b) => a.windowStart.localeCompare(b.windowStart)).filter((v) => Date.parse(v.windowStart) > ctx.t.stack.clock.nowMs() + 3 * 3600_000);
    // A backup with no other visit ending near this one, as backup or as its own volunteer: every visit
    // nobody checks in to is missed as the clock passes it, and a 到 checks in to the visit whose
    // check-in opened to that volunteer last. Which visit this test gets depends on how far the tests
    // before it (in whatever order) moved the clock.
    const backsUpAnotherNearby = (v: VisitRow) =>
      visits.some(
        (x) =>
          x.visitId !== v.visitId &&
          (x.backupVolunteerId === v.backupVolunteerId || x.volunteerId === v.backupVolunteerId) &&
          Math.abs(Date.parse(x.windowEnd) - Date.parse(v.windowEnd)) < 3 * 3600_000,
      );
    const missed = candidates.find((v) => !backsUpAnotherNearby(v))!;
    await ctx.t.advance(untilStart(missed, 0) + (Date.parse(missed.windowEnd) - Date.parse(missed.windowStart)) / 1000 + 30 * 60 + 1);
    expect((await visit(missed.visitId)).status).toBe('missed');
    expect(ctx.t.outbox(phoneOf(missed.backupVolunteerId!)).some((m) => m.text.includes(missed.visitId) && m.text.includes('备岗'))).toBe(true);
    const elder = DEMO_ELDERS.find((e) => e.elderId === missed.elderId)!;
    expect(ctx.t.outbox(gridWorkerPhone(elder.gridId)).some((m) => m.text.includes(missed.visitId))).toBe(true);

    await ctx.t.api('POST', '/local/sms/inbound', { body: { from: phoneOf(missed.backupVolunteerId!), text: '到' } });
    await ctx.t.stack.settle();
    expect((await visit(missed.visitId)).status).toBe('checked-in');
    expect(ctx.t.outbox(phoneOf(missed.backupVolunteerId!)).at(-1)!.text).toContain('已签到');
  });

  it('an elder nobody reaches: welfare-check case (emergency) and the family told', async () => {
    const candidates = [...visits].sort((a, b) => a.windowStart.localeCompare(b.windowStart)).filter((v) => Date.parse(v.windowStart) > ctx.t.stack.clock.nowMs() + 3 * 3600_000);
    const lost = candidates[0]!;
    const elder = DEMO_ELDERS.find((e) => e.elderId === lost.elderId)!;
    await ctx.t.advance(untilStart(lost, 0) + (Date.parse(lost.windowEnd) - Date.parse(lost.windowStart)) / 1000 + 30 * 60 + 1);
    expect((await visit(lost.visitId)).status).toBe('missed');
    await ctx.t.advance(30 * 60 + 1);
    expect((await visit(lost.visitId)).status).toBe('escalated');
    expect(ctx.t.outbox(elder.emergencyContact.phone).some((m) => m.text.includes(lost.visitId))).toBe(true);
    const worklist = await ctx.t.api('GET', '/v1/worklist', { token: await ctx.t.token({ role: 'grid-worker', grids: [elder.gridId] }) });
    const welfare = worklist.body.find((w: { category: string }) => w.category === 'welfare-check');
    expect(welfare).toMatchObject({ step: 'grid-check', gridId: elder.gridId });
    const view = await ctx.t.api('GET', `/v1/cases/${welfare.caseId}`, { token: await admin() });
    expect(view.body).toMatchObject({ priority: 'emergency', category: 'welfare-check' });
    expect(ctx.t.outbox(gridWorkerPhone(elder.gridId)).some((m) => m.text.includes(welfare.caseId))).toBe(true);
  });

  it('a concern noted at check-out opens a case for the grid', async () => {
    const next = [...visits].sort((a, b) => a.windowStart.localeCompare(b.windowStart)).filter((v) => Date.parse(v.windowStart) > ctx.t.stack.clock.nowMs() + 3 * 3600_000)[0]!;
    await ctx.t.advance(untilStart(next, 60));
    const token = await volunteer(next.volunteerId);
    expect((await ctx.t.api('POST', `/v1/visits/${next.visitId}/check-in`, { token })).status).toBe(202);
    await ctx.t.stack.settle();
    expect((await ctx.t.api('POST', `/v1/visits/${next.visitId}/check-out`, { token, body: { wellbeing: 'concern', note: '老人说最近头晕，药快吃完了' } })).status).toBe(202);
    await ctx.t.stack.settle();
    const elder = DEMO_ELDERS.find((e) => e.elderId === next.elderId)!;
    const worklist = await ctx.t.api('GET', '/v1/worklist', { token: await ctx.t.token({ role: 'grid-worker', grids: [elder.gridId] }) });
    expect(worklist.body.some((w: { category: string }) => w.category === 'elder-care')).toBe(true);
    expect((await visit(next.visitId)).status).toBe('completed');
  });

  it('lets a volunteer see only their own visits, a grid worker only their grids', async () => {
    const v = visits[0]!;
    const own = await ctx.t.api('GET', `/v1/visits?volunteerId=${v.volunteerId}`, { token: await volunteer(v.volunteerId) });
    expect(own.status).toBe(200);
    expect(own.body.every((x: VisitRow) => x.volunteerId === v.volunteerId)).toBe(true);
    expect((await ctx.t.api('GET', `/v1/visits?volunteerId=${v.volunteerId}`, { token: await volunteer('V999') })).status).toBe(403);
    const elder = DEMO_ELDERS.find((e) => e.elderId === v.elderId)!;
    const otherGrid = DEMO_GRIDS.find((g) => g.gridId !== elder.gridId)!.gridId;
    const hidden = await ctx.t.api('GET', `/v1/visits?elderId=${v.elderId}`, { token: await ctx.t.token({ role: 'grid-worker', grids: [otherGrid] }) });
    expect(hidden.body).toEqual([]);
    expect((await ctx.t.api('GET', '/v1/visits', { token: await admin() })).status).toBe(400);
  });

  it('keeps names, phones and addresses out of every visit and roster execution', async () => {
    const machines = ['companionVisit', 'weeklyRoster'].map((k) => ctx.t.stack.stateMachineArn(k));
    const executions = machines.flatMap((arn) => ctx.t.stack.stepFunctions.list(arn));
    expect(executions.length).toBeGreaterThan(visits.length);
    const text = JSON.stringify(executions.map((e) => [e.input, e.output, e.history]));
    for (const e of DEMO_ELDERS) {
      expect(text).not.toContain(e.name);
      expect(text).not.toContain(e.address);
      expect(text).not.toContain(e.emergencyContact.phone);
      if (e.phone) expect(text).not.toContain(e.phone);
    }
    for (const v of DEMO_VOLUNTEERS) expect(text).not.toContain(v.phone);
  });
});
