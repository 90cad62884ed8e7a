import type { CaseStore } from '../ports/case-store';
import type { Clock } from '../ports/clock';
import type { OnceStore, OptOutList, SmsOutbox, SmsSender } from '../ports/messaging';
import type { PointsLedger } from '../ports/points-ledger';
import type { RateLimiter } from '../ports/rate-limiter';
import type { ReferenceData } from '../ports/reference-data';
import type { RepairStore } from '../ports/repair-store';
import type { VisitStore } from '../ports/visit-store';
import type { WishStore } from '../ports/wish-store';
import type { Workflows } from '../ports/workflows';

/**
 * Every port a use case may depend on, by the name the composition root gives it. A use case takes only
 * what it uses, as `Pick<Ports, …>` (see the `*Deps` aliases beside each subdomain), so its fast test
 * builds only those fakes, and a function's container need only build what its use cases pick.
 */
export interface Ports {
  clock: Clock;
  cases: CaseStore;
  reference: ReferenceData;
  workflows: Workflows;
  visits: VisitStore;
  wishes: WishStore;
  ledger: PointsLedger;
  repair: RepairStore;
  outbox: SmsOutbox;
  once: OnceStore;
  optOuts: OptOutList;
  limiter: RateLimiter;
  sms: SmsSender;
  /** Publishes how many items wait for the centre (a CloudWatch metric on AWS, alarmed on). */
  metrics: { needsAttention(count: number): void };
  /** The command centre's duty contact and the district department that takes unowned cases (兜底). */
  centre: { staffId: string; districtDepartmentId: string };
  /** The console's public base URL, for the texts that point to it (`CONSOLE_URL`); absent, they name the service instead. */
  consoleUrl?: string | undefined;
}
