import { IdempotencyKeyReusedError, TooManyRequestsError, ValidationError } from '../../../lib/errors';
import { submitCaseCommand, type SubmitCaseCommand } from '../../../lib/contracts/http/cases';
import { submitCase } from '../../../lib/use-cases/submit-case';
import { fakePorts } from '../../support/fakes/ports';

const PHONE = '+8613912345678';
const report = (over: Partial<SubmitCaseCommand> = {}): SubmitCaseCommand =>
  submitCaseCommand.parse({ category: 'road-damage', description: '金水苑门口路面塌陷', location: { address: '金水苑3号楼' }, reporter: { phone: PHONE }, ...over });

describe('submitCase (fast, on fakes)', () => {
  it('stores the report routed to its grid, queues the receipt with the tracking code, and starts the lifecycle with only the case id', async () => {
    const ports = fakePorts();
    const answer = await submitCase(ports, report());
    expect(answer).toMatchObject({ status: 'submitted', priority: 'general', trackingCode: expect.any(String) });
    const stored = await ports.cases.get(answer.caseId);
    expect(stored).toMatchObject({ caseId: answer.caseId, gridId: 'G01', category: 'road-damage', version: 1, location: { hasAddress: true } });
    expect(await ports.cases.contact(answer.caseId)).toEqual({ caseId: answer.caseId, phone: PHONE, address: '金水苑3号楼' });
    const [receipt, ...others] = ports.outbox.queued();
    expect(others).toEqual([]);
    expect(receipt).toMatchObject({ key: `${answer.caseId}#received`, to: PHONE, urgent: true, audience: 'resident' });
    expect(receipt!.text).toContain(answer.trackingCode);
    expect(ports.workflows.started).toEqual([expect.objectContaining({ workflow: 'case-lifecycle', name: answer.caseId, input: { caseId: answer.caseId } })]);
  });

  it('answers a retry with the same idempotency key and report with the first case, without a second case, receipt, start or tracking code', async () => {
    const ports = fakePorts();
    const first = await submitCase(ports, report(), 'key-1');
    ports.clock.advance(60);
    const again = await submitCase(ports, report(), 'key-1');
    expect(again).toEqual({ caseId: first.caseId, status: 'submitted', priority: first.priority, dueAt: first.dueAt });
    expect(ports.cases.cases.size).toBe(1);
    expect(ports.outbox.queued()).toHaveLength(1);
    expect(ports.workflows.started).toHaveLength(1);
  });

  it('starts the lifecycle of a bound case again when the first attempt died before starting it', async () => {
    const ports = fakePorts();
    const first = await submitCase(ports, report(), 'key-2');
    ports.workflows.started.length = 0;
    await submitCase(ports, report(), 'key-2');
    expect(ports.workflows.startedNames('case-lifecycle')).toEqual([first.caseId]);
  });

  it('refuses the same idempotency key with another report (422), and frees the key after 24 hours', async () => {
    const ports = fakePorts();
    const first = await submitCase(ports, report(), 'key-3');
    await expect(submitCase(ports, report({ description: '另一处路灯不亮' }), 'key-3')).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    ports.clock.advance(24 * 3600);
    const later = await submitCase(ports, report({ description: '另一处路灯不亮' }), 'key-3');
    expect(later.caseId).not.toBe(first.caseId);
    expect(later.trackingCode).toBeDefined();
  });

  it('refuses the sixth report of a number within the hour (429), writing nothing, and counts every writing of the number as one', async () => {
    const ports = fakePorts();
    for (let i = 0; i < 5; i += 1) await submitCase(ports, report({ reporter: { phone: i % 2 ? '13912345678' : '+86 139 1234 5678' } }));
    ports.clock.advance(30 * 60);
    const refused = submitCase(ports, report());
    await expect(refused).rejects.toBeInstanceOf(TooManyRequestsError);
    await expect(refused).rejects.toMatchObject({ retryAfterSeconds: 30 * 60 });
    expect(ports.cases.cases.size).toBe(5);
    expect(ports.outbox.queued()).toHaveLength(5);
    expect(ports.workflows.started).toHaveLength(5);
    ports.clock.advance(30 * 60);
    await expect(submitCase(ports, report())).resolves.toMatchObject({ status: 'submitted' });
  });

  it('never limits an emergency report, and lets it through even after the number used up its quota', async () => {
    const ports = fakePorts();
    for (let i = 0; i < 5; i += 1) await submitCase(ports, report());
    await expect(submitCase(ports, report({ category: 'gas-leak', description: '楼道里有很重的燃气味' }))).resolves.toMatchObject({ priority: 'emergency' });
  });

  it('refuses an unknown category or grid (400) before counting the report against the quota', async () => {
    const ports = fakePorts();
    await expect(submitCase(ports, report({ category: 'no-such-thing' }))).rejects.toMatchObject({ code: 'UNKNOWN_CATEGORY' });
    await expect(submitCase(ports, report({ location: { gridId: 'G99' } }))).rejects.toBeInstanceOf(ValidationError);
    expect(ports.limiter.counters.size).toBe(0);
    expect(ports.cases.cases.size).toBe(0);
  });

  it('takes the reporter off the opt-out list: reporting is asking to hear back', async () => {
    const ports = fakePorts();
    await ports.optOuts.optOut(PHONE, { messageId: 'in-1', at: ports.clock.now() });
    await submitCase(ports, report({ reporter: { phone: '13912345678' } }));
    expect(await ports.optOuts.has(PHONE)).toBe(false);
  });

  it('keeps an anonymous reporter nameless in the contact', async () => {
    const ports = fakePorts();
    const answer = await submitCase(ports, report({ anonymous: true, reporter: { phone: PHONE, name: '张三' } }));
    expect((await ports.cases.contact(answer.caseId))!.name).toBeUndefined();
  });
});
