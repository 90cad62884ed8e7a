import { CaseFlow, centrePhone, dutyPhone, headPhone } from '../support/case-flow';
import { startTestStack, type TestStack } from '../support/local-stack';

/**
 * A week of neglect on the local stack: cases nobody accepts, one accepted and never resolved, one the
 * grid worker never checks, and one emergency. The virtual clock moves an hour at a time, so every
 * timeout, wait and schedule (the 07:00 flush included) fires on its own; then the outbox is read as
 * the people on duty would have lived it.
 */
const HOUR = 3600;
const CASE_REF = /\d{6}-[0-9A-HJKMNP-TV-Z]{5}/g;
/** A time a message asks someone to act before: "请于11月23日00:40前签收". */
const DEADLINE = /(\d{1,2})月(\d{1,2})日(\d{2}):(\d{2})前/;

const shanghaiHour = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR * 1000).getUTCHours();
const shanghaiDay = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR * 1000).toISOString().slice(0, 10);
const atNight = (iso: string) => shanghaiHour(iso) >= 22 || shanghaiHour(iso) < 7;
/** The day a message went out in the first hour after quiet hours (07:00–07:59), else undefined. */
const firstHourOfDay = (iso: string) => (shanghaiHour(iso) === 7 ? shanghaiDay(iso) : undefined);

/** The Shanghai wall time a message names, in the year it was sent (the week does not cross a year). */
function deadlineNamed(text: string, sentAt: string): number | undefined {
  const m = DEADLINE.exec(text);
  if (!m) return undefined;
  const year = new Date(sentAt).getUTCFullYear();
  return Date.UTC(year, Number(m[1]) - 1, Number(m[2]), Number(m[3]), Number(m[4])) - 8 * HOUR * 1000;
}

describe('a week of unaccepted cases: SMS etiquette', () => {
  let t: TestStack;
  let flow: CaseFlow;
  const cases: Record<'emergency' | 'nightDispatch' | 'dayDispatch' | 'eveningDispatch' | 'inProgress' | 'unchecked', string> = {} as never;

  const dispatchUnaccepted = async (overrides: Record<string, unknown> = {}, gridWho: 'gridG01' | 'gridG02' = 'gridG01') => {
    const c = await flow.submit(overrides);
    await flow.actOk(c.caseId, gridWho, { type: 'grid-check', outcome: 'needs-dispatch', note: '需部门处置' });
    return c.caseId;
  };
  /** Hour-sized steps: each one fires what falls due inside it, in order. */
  const advanceTo = async (shanghaiIso: string) => {
    const target = Date.parse(shanghaiIso);
    for (let now = t.stack.clock.nowMs(); now < target; now = t.stack.clock.nowMs()) await t.advance(Math.min(HOUR, (target - now) / 1000));
  };

  beforeAll(async () => {
    // Sunday 22:40 in Shanghai: the first cases arrive just inside quiet hours.
    t = await startTestStack({ startAt: new Date('2026-11-22T22:40:00+08:00') });
    flow = new CaseFlow(t);

    cases.emergency = await dispatchUnaccepted({ category: 'gas-leak', description: '楼道有燃气味', location: { gridId: 'G02', address: '桂林路11号' } }, 'gridG02');
    cases.nightDispatch = await dispatchUnaccepted();
    const accepted = await flow.submit();
    await flow.actOk(accepted.caseId, 'gridG01', { type: 'grid-check', outcome: 'needs-dispatch', note: '需市政维修' });
    await flow.actOk(accepted.caseId, 'urban', { type: 'accept' });
    cases.inProgress = accepted.caseId;

    await advanceTo('2026-11-23T09:00:00+08:00');
    cases.dayDispatch = await dispatchUnaccepted();
    await advanceTo('2026-11-23T20:30:00+08:00');
    cases.eveningDispatch = await dispatchUnaccepted();
    await advanceTo('2026-11-23T23:30:00+08:00');
    cases.unchecked = (await flow.submit()).caseId;

    // Past the accepted case's due time (Sunday 22:40) and the next morning's flush.
    await advanceTo('2026-11-30T09:00:00+08:00');
  }, 120_000);
  afterAll(() => t?.stop());

  const refsIn = (text: string) => text.match(CASE_REF) ?? [];
  const mentions = (caseId: string) => t.outbox().filter((m) => m.text.includes(caseId));

  it('nothing but emergencies, welfare alarms and receipts goes out between 22:00 and 07:00', async () => {
    const admin = await flow.token('admin');
    const priority = new Map<string, string>();
    for (const m of t.outbox()) {
      for (const ref of refsIn(m.text)) {
        if (!priority.has(ref)) priority.set(ref, (await t.api('GET', `/v1/cases/${ref}`, { token: admin })).body.priority);
      }
    }
    const night = t.outbox().filter((m) => atNight(m.at));
    const allowed = (text: string) =>
      text.includes('已收到您的诉求') || refsIn(text).some((ref) => priority.get(ref) === 'emergency') || /未按时签到|未能联系上/.test(text);
    expect(night.filter((m) => !allowed(m.text))).toEqual([]);
    // Emergencies did not wait for the morning.
    expect(mentions(cases.emergency).filter((m) => atNight(m.at) && !m.text.includes('已收到')).length).toBeGreaterThan(0);
  });

  it('the district hears of each case once, then at most one whistle a day', () => {
    const districtPhones = [dutyPhone('district'), headPhone('district')];
    const toDistrict = districtPhones.flatMap((p) => t.outbox(p));
    for (const caseId of [cases.emergency, cases.nightDispatch, cases.dayDispatch, cases.eveningDispatch]) {
      const mine = toDistrict.filter((m) => m.text.includes(caseId));
      expect({ caseId, handOffs: mine.filter((m) => !m.text.includes('吹哨')).length }).toEqual({ caseId, handOffs: 1 });
      const whistlesPerDay = new Map<string, number>();
      for (const m of mine.filter((x) => x.text.includes('吹哨'))) whistlesPerDay.set(shanghaiDay(m.at), (whistlesPerDay.get(shanghaiDay(m.at)) ?? 0) + 1);
      expect({ caseId, most: Math.max(...whistlesPerDay.values()) }).toEqual({ caseId, most: 1 });
      // Still whistled every day of the week: bounded, not silenced.
      expect(whistlesPerDay.size).toBeGreaterThanOrEqual(6);
    }
  });

  it('no message is delivered after the time it asks someone to act by', () => {
    const late = t.outbox().filter((m) => {
      const deadline = deadlineNamed(m.text, m.at);
      return deadline !== undefined && Date.parse(m.at) > deadline;
    });
    expect(late).toEqual([]);
  });

  it('what the night held is still told in the morning, in words that are still true', () => {
    const nightDispatch = t.outbox(dutyPhone('urban')).filter((m) => m.text.includes(cases.nightDispatch) && m.text.includes('签收'));
    expect(nightDispatch).toHaveLength(1);
    expect(firstHourOfDay(nightDispatch[0]!.at)).toBe('2026-11-23');

    // Due Sunday 22:40: the centre hears on Monday morning that it is overdue.
    const overdue = t.outbox(centrePhone()).filter((m) => m.text.includes(cases.inProgress) && m.text.includes('超期'));
    expect(overdue.map((m) => firstHourOfDay(m.at))).toEqual(['2026-11-30']);

    // Not checked within 24 h of Monday 23:30: escalated each morning, never at night.
    const unchecked = t.outbox(centrePhone()).filter((m) => m.text.includes(cases.unchecked) && m.text.includes('督办'));
    expect(unchecked.length).toBeGreaterThanOrEqual(5);
    expect(unchecked.filter((m) => atNight(m.at))).toEqual([]);
  });

  it('the centre still sees every case the district has not accepted', async () => {
    const worklist = (await t.api('GET', '/v1/worklist', { token: await flow.token('admin') })).body as Array<{ caseId: string; step: string }>;
    for (const caseId of [cases.emergency, cases.nightDispatch, cases.dayDispatch, cases.eveningDispatch]) {
      expect(worklist).toContainEqual(expect.objectContaining({ caseId, step: 'accept' }));
    }
  });
});
