import type { Notification } from '../../../lib/use-cases/notify';
import { holdForCentre, type HoldForCentreDeps } from '../../../lib/use-cases/repair/attention';

jest.mock('../../../lib/use-cases/notify', () => ({ notifyOnce: jest.fn(async () => 'queued') }));
const { notifyOnce } = jest.requireMock('../../../lib/use-cases/notify') as { notifyOnce: jest.Mock };

/** Just what holding for the centre reads and writes: the attention item, the case, the duty phone. */
function depsWith(priority: string): HoldForCentreDeps {
  const record = { caseId: '261123-K7F3Q', status: 'dispatched', version: 1, priority };
  return {
    repair: { attention: async () => undefined, holdForAttention: async () => undefined },
    cases: { get: async () => record, transition: async () => true },
    reference: { staff: async () => ({ staffId: 'admin-centre', phone: '+8613800003001' }) },
    centre: { staffId: 'admin-centre', districtDepartmentId: 'district' },
    clock: { now: () => new Date('2026-11-23T19:50:00Z') },
  } as unknown as HoldForCentreDeps;
}

const hold = (deps: HoldForCentreDeps, kind: 'case' | 'wish' | 'visit') =>
  holdForCentre(deps, { kind, id: '261123-K7F3Q', failed: { blowTheWhistle: { Error: 'ZodError' } }, taskToken: 'token-1' });
const sent = () => notifyOnce.mock.calls.map(([, message]) => message as Notification);

describe('the needs-attention SMS to the duty admin', () => {
  beforeEach(() => notifyOnce.mockClear());

  it('waits for the morning when a general case stopped', async () => {
    await hold(depsWith('general'), 'case');
    expect(sent()).toEqual([expect.objectContaining({ key: 'attention#case#261123-K7F3Q#1', urgent: false })]);
  });

  it('wakes the duty admin for an emergency case or a visit (a welfare check may hang on it)', async () => {
    await hold(depsWith('emergency'), 'case');
    await hold(depsWith('general'), 'visit');
    expect(sent().map((m) => m.urgent)).toEqual([true, true]);
  });

  it('never for a wish', async () => {
    await hold(depsWith('emergency'), 'wish');
    expect(sent().map((m) => m.urgent)).toEqual([false]);
  });
});
