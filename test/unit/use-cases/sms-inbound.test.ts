import type { Visit } from '../../../lib/domain/visits/visit';
import { handleInboundSms } from '../../../lib/use-cases/sms-inbound';
import { fakePorts, type FakePorts } from '../../support/fakes/ports';
import { openStep, REPORTER, reportedCase } from './case-flow';
import { publishedWish, registeredVolunteers } from './people';

let messages = 0;
const sms = (from: string, text: string) => ({ messageId: `in-${(messages += 1)}`, from, text });
const repliesTo = (ports: FakePorts, phone: string) => ports.outbox.queued().filter((m) => m.key.startsWith('reply#') && m.to === phone);


describe('inbound SMS routing (fast, on fakes)', () => {
  it('puts a number that answers 退订 on the opt-out list and acknowledges it once; 订阅 takes it off', async () => {
    const ports = fakePorts();
    await expect(handleInboundSms(ports, sms('8613912345678', '退订'))).resolves.toBe('opted-out');
    expect(await ports.optOuts.has(REPORTER)).toBe(true);
    await expect(handleInboundSms(ports, sms('13912345678', 'TD'))).resolves.toBe('opted-out');
    expect(repliesTo(ports, REPORTER)).toHaveLength(1);
    expect(repliesTo(ports, REPORTER)[0]!.urgent).toBe(true);
    await expect(handleInboundSms(ports, sms('+8613912345678', '订阅'))).resolves.toBe('opted-in');
    expect(await ports.optOuts.has(REPORTER)).toBe(false);
  });

  it('rates the case the phone was last asked about, as the web feedback does', async () => {
    const ports = fakePorts();
    const { caseId } = await reportedCase(ports);
    const token = await openStep(ports, caseId, 'feedback');
    await expect(handleInboundSms(ports, sms('8613912345678', '3'))).resolves.toBe('rated');
    expect(await ports.cases.get(caseId)).toMatchObject({ rating: 'dissatisfied' });
    expect(ports.workflows.completed).toEqual([{ token, output: { rating: 'dissatisfied' } }]);
  });

  it('helps with anything else: no case to rate, or not a rating', async () => {
    const ports = fakePorts();
    await expect(handleInboundSms(ports, sms('13912345678', '3'))).resolves.toBe('helped');
    const { caseId } = await reportedCase(ports);
    await openStep(ports, caseId, 'feedback');
    await expect(handleInboundSms(ports, sms('13912345678', '你好'))).resolves.toBe('helped');
    expect(await ports.cases.get(caseId)).not.toHaveProperty('rating');
    expect(repliesTo(ports, REPORTER)).toHaveLength(2);
  });

  it("checks a volunteer in by 到 to the visit their phone points at, and helps a phone that has none", async () => {
    const ports = fakePorts();
    const [v] = await registeredVolunteers(ports, 1);
    const visit: Visit = {
      visitId: 'VIS-1',
      weekId: '2026-11-23',
      elderId: 'E001',
      gridId: 'G01',
      volunteerId: v!.volunteerId,
      windowStart: '2026-11-23T09:00:00+08:00',
      windowEnd: '2026-11-23T11:00:00+08:00',
      status: 'reminded',
      waitingFor: 'check-in',
      taskToken: 'check-in-token',
      version: 1,
    };
    await ports.visits.book(visit);
    await ports.workflows.start('companion-visit', 'VIS-1', { visitId: 'VIS-1' });
    await expect(handleInboundSms(ports, sms(v!.phone, '到'))).resolves.toBe('helped');
    await ports.visits.pointCheckIn(v!.volunteerId, 'VIS-1');
    await expect(handleInboundSms(ports, sms(v!.phone, ' 到。'))).resolves.toBe('checked-in');
    expect(await ports.visits.visit('VIS-1')).toMatchObject({ status: 'checked-in', checkedInBy: v!.volunteerId });
    await expect(handleInboundSms(ports, sms('13800138000', '到'))).resolves.toBe('helped');
  });

  it('claims a wish by its code from a registered volunteer’s phone, and helps an unknown phone', async () => {
    const ports = fakePorts();
    const [v] = await registeredVolunteers(ports, 1);
    const wish = await publishedWish(ports);
    await expect(handleInboundSms(ports, sms('13800138000', wish.wishId))).resolves.toBe('helped');
    expect(await ports.wishes.claims(wish.wishId)).toEqual([]);
    await expect(handleInboundSms(ports, sms(v!.phone, `认领${wish.wishId.toLowerCase()}`))).resolves.toBe('claimed');
    expect(await ports.wishes.claims(wish.wishId)).toEqual([expect.objectContaining({ volunteerId: v!.volunteerId, status: 'claimed' })]);
  });

  it('confirms a wish by 收到 from the beneficiary’s phone', async () => {
    const ports = fakePorts();
    const wish = await publishedWish(ports);
    await ports.wishes.update(wish, { status: 'fulfilled' });
    await ports.wishes.awaitConfirmationFrom('+8613800009001', wish.wishId);
    await expect(handleInboundSms(ports, sms('13800009001', '收到'))).resolves.toBe('confirmed');
    expect((await ports.wishes.get(wish.wishId))!.status).toBe('confirmed');
  });
});
