import type { Visit } from '../../../../lib/domain/visits/visit';
import { ConflictError, ForbiddenError } from '../../../../lib/errors';
import { checkIn, checkOut } from '../../../../lib/use-cases/visits/visit-actions';
import { fakePorts, type FakePorts } from '../../../support/fakes/ports';
import { registeredVolunteers } from '../people';

/** A visit booked for V-a (backup V-b) whose workflow waits for the check-in. */
async function bookedVisit(ports: FakePorts, volunteerId: string, backupVolunteerId: string, over: Partial<Visit> = {}): Promise<Visit> {
  const visit: Visit = {
    visitId: 'VIS-1',
    weekId: '2026-11-23',
    elderId: 'E001',
    gridId: 'G01',
    volunteerId,
    backupVolunteerId,
    windowStart: '2026-11-23T09:00:00+08:00',
    windowEnd: '2026-11-23T11:00:00+08:00',
    status: 'reminded',
    waitingFor: 'check-in',
    taskToken: 'check-in-token',
    version: 2,
    ...over,
  };
  expect(await ports.visits.book(visit)).toBe(true);
  await ports.workflows.start('companion-visit', visit.visitId, { visitId: visit.visitId });
  return visit;
}

describe('visit check-in and check-out (fast, on fakes)', () => {
  it("checks the assigned volunteer in, resumes the workflow, and answers a repeat as it is", async () => {
    const ports = fakePorts();
    const [a, b] = await registeredVolunteers(ports, 2);
    await bookedVisit(ports, a!.volunteerId, b!.volunteerId);
    await expect(checkIn(ports, 'VIS-1', a!.volunteerId)).resolves.toEqual({ visitId: 'VIS-1', status: 'checked-in' });
    expect(await ports.visits.visit('VIS-1')).toMatchObject({ status: 'checked-in', checkedInBy: a!.volunteerId, version: 3 });
    expect(ports.workflows.completed).toEqual([{ token: 'check-in-token', output: { checkedIn: true } }]);
    await expect(checkIn(ports, 'VIS-1', a!.volunteerId)).resolves.toEqual({ visitId: 'VIS-1', status: 'checked-in' });
    expect(ports.workflows.completed).toHaveLength(1);
  });

  it('lets the backup check in only once the visit is missed', async () => {
    const ports = fakePorts();
    const [a, b] = await registeredVolunteers(ports, 2);
    await bookedVisit(ports, a!.volunteerId, b!.volunteerId);
    await expect(checkIn(ports, 'VIS-1', b!.volunteerId)).rejects.toBeInstanceOf(ForbiddenError);
    await ports.visits.update('VIS-1', 2, { status: 'missed' });
    await expect(checkIn(ports, 'VIS-1', b!.volunteerId)).resolves.toMatchObject({ status: 'checked-in' });
    expect((await ports.visits.visit('VIS-1'))!.checkedInBy).toBe(b!.volunteerId);
  });

  it('refuses a check-in after the escalation (409), and one the workflow does not wait for (NOT_WAITING)', async () => {
    const ports = fakePorts();
    const [a, b] = await registeredVolunteers(ports, 2);
    await bookedVisit(ports, a!.volunteerId, b!.volunteerId, { status: 'escalated' });
    await expect(checkIn(ports, 'VIS-1', a!.volunteerId)).rejects.toMatchObject({ code: 'VISIT_ESCALATED' });
    const other = fakePorts();
    const [c, d] = await registeredVolunteers(other, 2);
    await bookedVisit(other, c!.volunteerId, d!.volunteerId, { status: 'scheduled', waitingFor: undefined, taskToken: undefined });
    await expect(checkIn(other, 'VIS-1', c!.volunteerId)).rejects.toBeInstanceOf(ConflictError);
    expect(other.workflows.completed).toEqual([]);
  });

  it('lets only the volunteer who checked in check out, before reading what they wrote', async () => {
    const ports = fakePorts();
    const [a, b] = await registeredVolunteers(ports, 2);
    await bookedVisit(ports, a!.volunteerId, b!.volunteerId);
    await checkIn(ports, 'VIS-1', a!.volunteerId);
    const body = jest.fn(() => ({ wellbeing: 'ok' as const, note: '老人精神很好' }));
    await expect(checkOut(ports, 'VIS-1', b!.volunteerId, body)).rejects.toBeInstanceOf(ForbiddenError);
    expect(body).not.toHaveBeenCalled();
  });

  it('records a check-out the workflow is on its way to wait for, and a repeat changes nothing', async () => {
    const ports = fakePorts();
    const [a, b] = await registeredVolunteers(ports, 2);
    await bookedVisit(ports, a!.volunteerId, b!.volunteerId);
    await checkIn(ports, 'VIS-1', a!.volunteerId);
    const command = { wellbeing: 'ok' as const, note: '老人精神很好' };
    await expect(checkOut(ports, 'VIS-1', a!.volunteerId, command)).resolves.toEqual({ visitId: 'VIS-1', status: 'checked-in' });
    const after = await ports.visits.visit('VIS-1');
    expect(after).toMatchObject({ wellbeing: 'ok', note: '老人精神很好', checkedOutAt: expect.any(String) });
    await checkOut(ports, 'VIS-1', a!.volunteerId, { wellbeing: 'concern', note: '改口' });
    expect(await ports.visits.visit('VIS-1')).toEqual(after);
  });

  it('passes a check-in on again when its first call recorded it but could not tell the workflow (Step Functions out)', async () => {
    const ports = fakePorts();
    const [a, b] = await registeredVolunteers(ports, 2);
    await bookedVisit(ports, a!.volunteerId, b!.volunteerId);
    ports.workflows.outage(1);
    await expect(checkIn(ports, 'VIS-1', a!.volunteerId)).rejects.toMatchObject({ name: 'ServiceUnavailable' });
    expect(await ports.visits.visit('VIS-1')).toMatchObject({ status: 'checked-in', checkedInBy: a!.volunteerId });
    await expect(checkIn(ports, 'VIS-1', a!.volunteerId)).resolves.toEqual({ visitId: 'VIS-1', status: 'checked-in' });
    expect(ports.workflows.completed).toEqual([{ token: 'check-in-token', output: { checkedIn: true } }]);
  });

  it('passes a check-out on again when its first call recorded it but could not tell the workflow', async () => {
    const ports = fakePorts();
    const [a, b] = await registeredVolunteers(ports, 2);
    await bookedVisit(ports, a!.volunteerId, b!.volunteerId);
    await checkIn(ports, 'VIS-1', a!.volunteerId);
    const visit = (await ports.visits.visit('VIS-1'))!;
    expect(await ports.visits.update('VIS-1', visit.version, { waitingFor: 'check-out', taskToken: 'check-out-token' })).toBe(true);
    ports.workflows.outage(1);
    const command = { wellbeing: 'concern' as const, note: '老人说腿疼' };
    await expect(checkOut(ports, 'VIS-1', a!.volunteerId, command)).rejects.toMatchObject({ name: 'ServiceUnavailable' });
    await expect(checkOut(ports, 'VIS-1', a!.volunteerId, command)).resolves.toEqual({ visitId: 'VIS-1', status: 'checked-in' });
    expect(ports.workflows.completed).toContainEqual({ token: 'check-out-token', output: { wellbeing: 'concern' } });
  });
});
