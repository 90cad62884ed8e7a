import { FakeCaseStore } from '../support/fakes/case-store';
import { FakeClock } from '../support/fakes/clock';
import { FakePointsLedger } from '../support/fakes/points-ledger';
import { fakePorts } from '../support/fakes/ports';
import { FakeVisitStore } from '../support/fakes/visit-store';
import { FakeWishStore } from '../support/fakes/wish-store';
import { FakeOnceStore } from '../support/fakes/once-store';
import { FakeOptOutList } from '../support/fakes/opt-out-list';
import { FakeRateLimiter } from '../support/fakes/rate-limiter';
import { FakeReferenceData } from '../support/fakes/reference-data';
import { FakeSmsOutbox } from '../support/fakes/sms-outbox';
import { describeCaseStoreContract } from './case-store.contract';
import { describePointsLedgerContract } from './points-ledger.contract';
import { describeRepairStoreContract } from './repair-store.contract';
import { describeVisitStoreContract } from './visit-store.contract';
import { describeWishStoreContract } from './wish-store.contract';
import { describeOnceStoreContract } from './once-store.contract';
import { describeOptOutListContract } from './opt-out-list.contract';
import { describeRateLimiterContract } from './rate-limiter.contract';
import { describeReferenceDataContract, REFERENCE_SEED } from './reference-data.contract';
import { describeSmsOutboxContract } from './sms-outbox.contract';

/** The in-memory fakes hold to the ports' contracts: what the fast use-case tests rely on is what the adapters do. */
describeOnceStoreContract('in-memory fake', async () => {
  const clock = new FakeClock();
  return { store: new FakeOnceStore(clock), clock };
});
describeOptOutListContract('in-memory fake', async () => new FakeOptOutList());
describeRateLimiterContract('in-memory fake', async () => new FakeRateLimiter());
describeReferenceDataContract('in-memory fake', async () => new FakeReferenceData(REFERENCE_SEED));
describeSmsOutboxContract('in-memory fake', async () => new FakeSmsOutbox());
describeCaseStoreContract('in-memory fake', async () => {
  const outbox = new FakeSmsOutbox();
  return { store: new FakeCaseStore(outbox), outbox };
});
describeRepairStoreContract('in-memory fake', async () => {
  const { repair, cases, wishes, visits } = fakePorts();
  return { repair, cases, wishes, visits };
});
describeVisitStoreContract('in-memory fake', async () => new FakeVisitStore());
describeWishStoreContract('in-memory fake', async () => new FakeWishStore());
describePointsLedgerContract('in-memory fake', async () => {
  const visits = new FakeVisitStore();
  return { ledger: new FakePointsLedger(visits.elderProfiles), visits };
});
