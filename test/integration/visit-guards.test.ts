import { DynamoVisitStore } from '../../lib/adapters/aws/dynamo-visit-store';
import { nextWeekStart, weekId } from '../../lib/domain/visits/availability';
import { DEMO_ELDERS } from '../../local/seed/demo-data';
import { useCaseFlow } from '../support/case-flow';

type VisitRow = { visitId: string; elderId: string; volunteerId: string; backupVolunteerId?: string; windowStart: string; windowEnd: string; status: string };

describe('临时儿女 guards: unique phones, no check-in after the welfare alarm, rosters only for this or next week', () => {
  const ctx = useCaseFlow();
  const admin = () => ctx.t.token({ role: 'admin', sub: 'admin-centre' });
  const volunteerToken = (volunteerId: string) => ctx.t.token({ role: 'volunteer', volunteerId, sub: `vol-${volunteerId}` });
  const store = () =>
    new DynamoVisitStore(
      ctx.t.db(),
      'minqing-local-main',
    );
  const volunteerBody = (phone: string) => ({
    name: '测试志愿者',
    phone,
    gridId: 'G01',
    availability: [{ days: ['SAT'], from: '09:00', to: '11:00' }],
    maxVisitsPerWeek: 1,
  });
  const elderBody = (phone?: string) => ({ name: '测试老人', gridId: 'G01', address: '金水苑99号楼', riskTier: 'general', ...(phone ? { phone } : {}) });

  describe('a phone number is registered once', () => {
    it.each([1, 2, 3, 4, 5])('two volunteers with one phone at once (round %i): one is registered, the other gets 409 PHONE_TAKEN', async (round) => {
      const phone = `1360000${String(round).padStart(4, '0')}`;
      const token = await admin();
      const results = await Promise.all([1, 2].map(() => ctx.t.api('POST', '/v1/volunteers', { token, body: volunteerBody(phone) })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.error.code).toBe('PHONE_TAKEN');
      const winner = results.find((r) => r.status === 201)!.body.volunteerId as string;
      // Stored as normalised (+86…), as the API's phone schema writes it.
      expect(await store().volunteerByPhone(`+86${phone}`)).toBe(winner);
      const contacts = await Promise.all((await store().volunteers()).map((v) => store().volunteerContact(v.volunteerId)));
      expect(contacts.filter((c) => c?.phone === `+86${phone}`)).toHaveLength(1);
    });

    it('the same phone again later: 409 PHONE_TAKEN', async () => {
      // A phone of its own, registered first (the rounds above may run after this test).
      expect((await ctx.t.api('POST', '/v1/volunteers', { token: await admin(), body: volunteerBody('13600000100') })).status).toBe(201);
      const again = await ctx.t.api('POST', '/v1/volunteers', { token: await admin(), body: volunteerBody('13600000100') });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('PHONE_TAKEN');
    });

    it('two elders with one phone at once: one is registered, the other gets 409 PHONE_TAKEN', async () => {
      const token = await admin();
      const results = await Promise.all([1, 2].map(() => ctx.t.api('POST', '/v1/elders', { token, body: elderBody('13600009999') })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.error.code).toBe('PHONE_TAKEN');
    });

    it('elders without a phone are not held up by each other', async () => {
      const token = await admin();
      const results = await Promise.all([1, 2].map(() => ctx.t.api('POST', '/v1/elders', { token, body: elderBody() })));
      expect(results.map((r) => r.status)).toEqual([201, 201]);
    });
  });

  describe('the roster plans only the current or the next week', () => {
    const rosterArn = () => ctx.t.stack.stateMachineArn('weeklyRoster');

    // The week after next is counted from the stack's clock when the test runs: another test of this
    // file may have moved it on by days (tests run in a random order).
    const weekAfterNext = () => weekId(new Date(nextWeekStart(ctx.t.stack.clock.now()).getTime() + 7 * 86400_000));
    it.each([
      ['null', () => ({ weekOf: null })],
      ['a past week', () => ({ weekOf: '2026-11-10' })],
      ['year 9999', () => ({ weekOf: '9999-01-01' })],
      ['the week after next', () => ({ weekOf: weekAfterNext() })],
      ['not a date', () => ({ weekOf: 'next week' })],
    ])('refuses %s with 400 naming weekOf, and starts nothing', async (_label, bodyNow) => {
      const body = bodyNow();
      const before = ctx.t.stack.stepFunctions.list(rosterArn()).length;
      const outboxBefore = ctx.t.outbox().length;
      const res = await ctx.t.api('POST', '/v1/admin/workflows/weekly-roster/executions', { token: await admin(), body });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual(['weekOf']);
      await ctx.t.stack.settle();
      expect(ctx.t.stack.stepFunctions.list(rosterArn())).toHaveLength(before);
      expect(ctx.t.outbox()).toHaveLength(outboxBefore);
    });

    it('the roster task itself refuses a far week: nothing booked, no SMS', async () => {
      const outboxBefore = ctx.t.outbox().length;
      await expect(ctx.t.stack.invoke('weeklyRoster', { weekOf: '9999-01-01' })).rejects.toThrow();
      expect(await store().bookedInWeek('9998-12-29')).toEqual([]);
      expect(ctx.t.outbox()).toHaveLength(outboxBefore);
    });

    it('a re-run for the same week restarts a booked visit whose workflow is missing', async () => {
      const token = await admin();
      // The same week as the re-run below: whatever other tests registered and left unplanned (a random
      // order may run them first, and move the clock into that week) is planned now, not counted below.
      const first = await ctx.t.api('POST', '/v1/admin/workflows/weekly-roster/executions', { token, body: { weekOf: '2026-12-01' } });
      expect(first.status).toBe(202);
      await ctx.t.stack.settle();

      // A run that died between booking a visit and starting its workflow left this behind (for a
      // volunteer of this test's own: the tests that register others may run after it).
      const volunteer = await ctx.t.api('POST', '/v1/volunteers', { token, body: volunteerBody('13600000200') });
      expect(volunteer.status).toBe(201);
      const elder = await ctx.t.api('POST', '/v1/elders', { token, body: { ...elderBody(), riskTier: 'high' } });
      const visitId = `2026-11-30-${elder.body.elderId}`;
      const booked = await store().book({
        visitId,
        weekId: '2026-11-30',
        elderId: elder.body.elderId,
        gridId: 'G01',
        volunteerId: volunteer.body.volunteerId as string,
        // Outside the volunteer's offered blocks (Saturdays), so the roster cannot have taken it.
        windowStart: '2026-12-03T15:00:00+08:00',
        windowEnd: '2026-12-03T17:00:00+08:00',
        status: 'scheduled',
        version: 1,
      });
      expect(booked).toBe(true);
      const visitArn = ctx.t.stack.stateMachineArn('companionVisit');
      expect(ctx.t.stack.stepFunctions.list(visitArn).some((e) => e.name === visitId)).toBe(false);

      const again = await ctx.t.api('POST', '/v1/admin/workflows/weekly-roster/executions', { token, body: { weekOf: '2026-12-01' } });
      expect(again.status).toBe(202);
      await ctx.t.stack.settle();
      const run = await ctx.t.api('GET', `/v1/admin/workflows/weekly-roster/executions/${again.body.executionId}`, { token });
      expect(run.body).toMatchObject({ status: 'SUCCEEDED', output: { weekId: '2026-11-30', planned: 0, restarted: 1 } });
      expect(ctx.t.stack.stepFunctions.list(visitArn).filter((e) => e.name === visitId)).toHaveLength(1);
    });
  });

  it('after the welfare alarm a visit refuses check-in with 409 and says why', async () => {
    const token = await admin();
    // Books next week (a second run for the same week books nothing more).
    expect((await ctx.t.api('POST', '/v1/admin/workflows/weekly-roster/executions', { token, body: {} })).status).toBe(202);
    await ctx.t.stack.settle();
    const all = (await Promise.all(DEMO_ELDERS.map((e) => ctx.t.api<VisitRow[]>('GET', `/v1/visits?elderId=${e.elderId}`, { token })))).flatMap((l) => l.body);
    const lost = all.filter((v) => v.backupVolunteerId).sort((a, b) => a.windowStart.localeCompare(b.windowStart))[0]!;
    const graceEnd = (Date.parse(lost.windowEnd) - ctx.t.stack.clock.nowMs()) / 1000 + 30 * 60 + 1;
    await ctx.t.advance(graceEnd);
    await ctx.t.advance(30 * 60 + 1);
    // Tokens last 12 virtual hours and the clock has moved on: a fresh one for each look.
    const status = async () => (await ctx.t.api<VisitRow[]>('GET', `/v1/visits?elderId=${lost.elderId}`, { token: await admin() })).body.find((v) => v.visitId === lost.visitId)!.status;
    expect(await status()).toBe('escalated');

    for (const volunteerId of [lost.backupVolunteerId!, lost.volunteerId]) {
      const res = await ctx.t.api('POST', `/v1/visits/${lost.visitId}/check-in`, { token: await volunteerToken(volunteerId) });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('VISIT_ESCALATED');
      expect(res.body.error.message).toMatch(/上门查看/);
    }
    await ctx.t.stack.settle();
    expect(await status()).toBe('escalated');
  });
});
