import type { Visit, VisitStatus } from '../../../lib/domain/visits/visit';
import { checkOut } from '../../../lib/use-cases/visits/visit-actions';
import { FakeClock } from '../../support/fakes/clock';
import { FakeWorkflows } from '../../support/fakes/workflows';

/** One visit, read and written with its version as the DynamoDB store does; only what a check-out uses. */
function oneVisit(visit: Visit) {
  let stored = structuredClone(visit);
  return {
    stored: () => stored,
    async visit(visitId: string) {
      return visitId === stored.visitId ? structuredClone(stored) : undefined;
    },
    async update(visitId: string, expectedVersion: number, set: Partial<Visit>) {
      if (visitId !== stored.visitId || stored.version !== expectedVersion) return false;
      stored = { ...stored, ...set, version: stored.version + 1 };
      return true;
    },
  };
}

const waitingForCheckOut = (status: VisitStatus): Visit => ({
  visitId: 'V-1',
  weekId: '2026-11-23',
  elderId: 'E-1',
  gridId: 'G-1',
  volunteerId: 'VOL-1',
  windowStart: '2026-11-23T09:00:00+08:00',
  windowEnd: '2026-11-23T11:00:00+08:00',
  status,
  waitingFor: 'check-out',
  taskToken: 'token-1',
  checkedInAt: '2026-11-23T09:05:00+08:00',
  checkedInBy: 'VOL-1',
  version: 3,
});

describe('checkOut', () => {
  // A check-out sets no status of its own: the answer is the visit's status as stored, as a repeated
  // check-out's is, not a fixed 'checked-in' whatever the visit holds.
  it.each<VisitStatus>(['checked-in', 'missed'])('answers with the status the visit holds (%s), records the check-out and hands it to the workflow', async (status) => {
    const clock = new FakeClock();
    const visits = oneVisit(waitingForCheckOut(status));
    const workflows = new FakeWorkflows(clock);
    const deps = { visits, workflows, clock } as unknown as Parameters<typeof checkOut>[0];

    const answer = await checkOut(deps, 'V-1', 'VOL-1', () => ({ wellbeing: 'ok', note: '陪老人聊天' }));

    expect(answer).toEqual({ visitId: 'V-1', status: visits.stored().status });
    expect(visits.stored()).toMatchObject({ status, wellbeing: 'ok', note: '陪老人聊天', checkedOutAt: expect.any(String) });
    expect(workflows.completed).toEqual([{ token: 'token-1', output: { wellbeing: 'ok' } }]);
    expect(await checkOut(deps, 'V-1', 'VOL-1', () => ({ wellbeing: 'ok', note: '重复' }))).toEqual(answer);
  });
});
