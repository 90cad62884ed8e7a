import { DEMO_CATEGORIES, DEMO_DEPARTMENTS, DEMO_GRIDS, DEMO_STAFF } from '../../../local/seed/demo-data';
import type { Ports } from '../../../lib/use-cases/ports';
import { FakeCaseStore } from './case-store';
import { FakeClock } from './clock';
import { FakeOnceStore } from './once-store';
import { FakeOptOutList } from './opt-out-list';
import { FakePointsLedger } from './points-ledger';
import { FakeRateLimiter } from './rate-limiter';
import { FakeReferenceData } from './reference-data';
import { FakeRepairStore } from './repair-store';
import { FakeSmsOutbox } from './sms-outbox';
import { FakeSmsSender } from './sms-sender';
import { FakeVisitStore } from './visit-store';
import { FakeWishStore } from './wish-store';
import { FakeWorkflows } from './workflows';

/** The fakes by port, typed as themselves so a test can look inside (what was queued, started, counted). */
export interface FakePorts extends Ports {
  clock: FakeClock;
  cases: FakeCaseStore;
  reference: FakeReferenceData;
  workflows: FakeWorkflows;
  visits: FakeVisitStore;
  wishes: FakeWishStore;
  ledger: FakePointsLedger;
  repair: FakeRepairStore;
  outbox: FakeSmsOutbox;
  once: FakeOnceStore;
  optOuts: FakeOptOutList;
  limiter: FakeRateLimiter;
  sms: FakeSmsSender;
  metrics: { needsAttention(count: number): void; published: number[] };
}

/**
 * Every port as an in-memory fake wired as the composition root wires the adapters: one clock for all,
 * the case store's creations queuing into the outbox, one points ledger for visits and wishes, the
 * repair store paging through the entities of the other fakes, the demo district as reference data.
 * `overrides` replaces single fakes (a clock set elsewhere, reference data of the test's own).
 */
export function fakePorts(overrides: Partial<FakePorts> = {}): FakePorts {
  const clock = overrides.clock ?? new FakeClock();
  const outbox = overrides.outbox ?? new FakeSmsOutbox();
  const cases = overrides.cases ?? new FakeCaseStore(outbox);
  const wishes = overrides.wishes ?? new FakeWishStore();
  const visits = overrides.visits ?? new FakeVisitStore();
  const ledger = overrides.ledger ?? new FakePointsLedger(visits.elderProfiles);
  const published: number[] = [];
  return {
    clock,
    cases,
    reference: new FakeReferenceData({ categories: DEMO_CATEGORIES, grids: DEMO_GRIDS, departments: DEMO_DEPARTMENTS, staff: DEMO_STAFF }),
    workflows: new FakeWorkflows(clock),
    visits,
    wishes,
    ledger,
    repair: new FakeRepairStore(() => [
      ...[...cases.cases.values()].map(({ record }) => ({ kind: 'case' as const, id: record.caseId, status: record.status })),
      ...[...wishes.wishes.values()].map(({ wish }) => ({ kind: 'wish' as const, id: wish.wishId, status: wish.status })),
      ...[...visits.visits.values()].map(({ visit }) => ({ kind: 'visit' as const, id: visit.visitId, status: visit.status })),
    ]),
    outbox,
    once: new FakeOnceStore(clock),
    optOuts: new FakeOptOutList(),
    limiter: new FakeRateLimiter(),
    sms: new FakeSmsSender(),
    metrics: { needsAttention: (count) => published.push(count), published },
    centre: { staffId: 'admin-centre', districtDepartmentId: 'district' },
    ...overrides,
  };
}
