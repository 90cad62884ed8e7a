import type { Notification } from '../../../lib/use-cases/notify';
import { remindVisit, type RemindVisitDeps } from '../../../lib/use-cases/visits/remind-visit';
import { checkClaim, type CheckClaimDeps } from '../../../lib/use-cases/wishes/check-claim';

jest.mock('../../../lib/use-cases/notify', () => ({ notifyOnce: jest.fn(async () => 'queued') }));
const { notifyOnce } = jest.requireMock('../../../lib/use-cases/notify') as { notifyOnce: jest.Mock };
const sent = () => notifyOnce.mock.calls.map(([, message]) => message as Notification);

/** A reminder held by quiet hours past what it says is dropped in the morning: each says when that is. */
describe('reminders say when they go stale', () => {
  beforeEach(() => notifyOnce.mockClear());

  const visit = { visitId: '2026-11-24-E001', volunteerId: 'V001', gridId: 'G01', status: 'scheduled', version: 1, windowStart: '2026-11-24T09:00:00+08:00', windowEnd: '2026-11-24T11:00:00+08:00' };
  const visitDeps = {
    visits: { visit: async () => visit, volunteerContact: async () => ({ phone: '+8613800005001' }), update: async () => true },
    clock: { now: () => new Date('2026-11-23T01:00:00Z') },
  } as unknown as RemindVisitDeps;

  it('a visit reminder: "明天09:00" at the midnight before, "将于09:00开始" at 09:00', async () => {
    await remindVisit(visitDeps, { visitId: visit.visitId, kind: 'day-before' });
    await remindVisit(visitDeps, { visitId: visit.visitId, kind: 'shortly-before' });
    expect(sent().map((m) => [m.text.includes('明天09:00') || m.text.includes('将于09:00'), m.staleAt])).toEqual([
      [true, '2026-11-24T00:00:00+08:00'],
      [true, '2026-11-24T09:00:00+08:00'],
    ]);
  });

  it('a wish fulfil reminder at the deadline it names', async () => {
    const wish = { wishId: 'W3K9QX', status: 'claimed', gridId: 'G01', deadline: '2026-12-01T10:00:00+08:00' };
    const wishDeps = {
      wishes: { get: async () => wish, claims: async () => [{ wishId: wish.wishId, volunteerId: 'V001', status: 'contacted', seq: 1 }] },
      visits: { volunteerContact: async () => ({ phone: '+8613800005001' }) },
      reference: { grids: async () => [] },
      clock: { now: () => new Date('2026-11-29T02:00:00Z') },
    } as unknown as CheckClaimDeps;
    await checkClaim(wishDeps, { wishId: wish.wishId, volunteerId: 'V001', at: 'fulfil-reminder' });
    expect(sent()).toEqual([expect.objectContaining({ text: expect.stringContaining('12月1日10:00前完成'), staleAt: wish.deadline })]);
  });
});
