import { ForbiddenError, UnauthenticatedError } from '../../../../lib/errors';
import { visitHours, volunteerClaims, volunteerPoints, wishesAwaitingStaff } from '../../../../lib/use-cases/volunteers/own-records';
import { sampleVisit, sampleWish } from '../../../contract/samples';
import { fakePorts } from '../../../support/fakes/ports';
import { admin, gridWorker } from '../case-flow';
import { BENEFICIARY, volunteer } from '../people';

describe('a volunteer’s own records and a grid’s waiting wishes (fast, on fakes)', () => {
  it('lists a volunteer’s claims with their wish’s title, status and deadline, to them and the centre only', async () => {
    const ports = fakePorts();
    const wish = sampleWish('W1', { title: '想要一台收音机，电话13800009001', deadline: '2026-12-20T09:00:00+08:00' });
    await ports.wishes.create(wish, BENEFICIARY, 'b-1');
    await ports.wishes.claim(wish, { wishId: 'W1', volunteerId: 'V001', status: 'claimed', claimedAt: '2026-11-23T09:00:00+08:00', seq: 1 }, true);
    const expected = [{ wishId: 'W1', title: expect.not.stringContaining('13800009001'), category: '生活用品', wishStatus: 'claimed', claimStatus: 'claimed', claimedAt: '2026-11-23T09:00:00+08:00', deadline: '2026-12-20T09:00:00+08:00' }];
    await expect(volunteerClaims(ports, volunteer('V001'), 'V001')).resolves.toEqual(expected);
    await expect(volunteerClaims(ports, admin(), 'V001')).resolves.toEqual(expected);
    await expect(volunteerClaims(ports, volunteer('V002'), 'V001')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(volunteerClaims(ports, gridWorker(), 'V001')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(volunteerClaims(ports, undefined, 'V001')).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('totals the ledger and counts each credited visit’s hours from check-in to check-out within its window', async () => {
    const ports = fakePorts();
    const visit = sampleVisit('VS1', 'V001', '2026-11-28T01:00:00.000Z', { status: 'completed', checkedInAt: '2026-11-28T00:50:00.000Z', checkedOutAt: '2026-11-28T02:30:00.000Z' });
    await ports.visits.book(visit);
    await ports.ledger.creditVisit({ visit, points: 10, at: '2026-11-28T02:30:00.000Z' });
    await ports.ledger.creditWish({ wishId: 'W1', volunteerId: 'V001', points: 15, at: '2026-11-29T02:00:00.000Z' });
    await expect(volunteerPoints(ports, volunteer('V001'), 'V001')).resolves.toEqual({
      volunteerId: 'V001',
      total: 25,
      hours: 1.5,
      entries: [
        { reason: 'companion-visit', ref: 'VS1', points: 10, at: '2026-11-28T02:30:00.000Z' },
        { reason: 'micro-wish', ref: 'W1', points: 15, at: '2026-11-29T02:00:00.000Z' },
      ],
    });
    await expect(volunteerPoints(ports, volunteer('V002'), 'V001')).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('counts no hours for a visit without both times, and never more than its window', () => {
    const window = { windowStart: '2026-11-28T01:00:00.000Z', windowEnd: '2026-11-28T03:00:00.000Z' };
    expect(visitHours({ ...window, checkedInAt: '2026-11-28T01:00:00.000Z' })).toBe(0);
    expect(visitHours({ ...window, checkedInAt: '2026-11-28T00:00:00.000Z', checkedOutAt: '2026-11-28T09:00:00.000Z' })).toBe(2);
    expect(visitHours({ ...window, checkedInAt: '2026-11-28T04:00:00.000Z', checkedOutAt: '2026-11-28T05:00:00.000Z' })).toBe(0);
  });

  it('lists a grid’s wishes to vet and to confirm to its grid workers and the centre, without the beneficiary', async () => {
    const ports = fakePorts();
    await ports.wishes.create(sampleWish('W1', { status: 'submitted' }), BENEFICIARY, 'b-1');
    await ports.wishes.create(sampleWish('W2', { status: 'fulfilled', submittedAt: '2026-11-19T09:00:00+08:00' }), BENEFICIARY, 'b-1');
    await ports.wishes.create(sampleWish('W3'), BENEFICIARY, 'b-1');
    const waiting = await wishesAwaitingStaff(ports, gridWorker('G01'), 'G01');
    expect(waiting.map((w) => [w.wishId, w.awaits])).toEqual([
      ['W2', 'confirm'],
      ['W1', 'vet'],
    ]);
    expect(JSON.stringify(waiting)).not.toContain(BENEFICIARY.name);
    await expect(wishesAwaitingStaff(ports, admin(), 'G01')).resolves.toHaveLength(2);
    await expect(wishesAwaitingStaff(ports, gridWorker('G02'), 'G01')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(wishesAwaitingStaff(ports, volunteer('V001'), 'G01')).rejects.toBeInstanceOf(ForbiddenError);
  });
});
