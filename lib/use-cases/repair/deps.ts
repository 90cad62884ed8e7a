import type { RepairStore } from '../../ports/repair-store';
import type { WishDeps } from '../wishes/deps';

/** Repairs reach every lifecycle: cases, wishes and visits, their workflows, and the centre by SMS. */
export interface RepairDeps extends WishDeps {
  repair: RepairStore;
  /** Publishes how many items wait for the centre (a CloudWatch metric on AWS, alarmed on). */
  metrics: { needsAttention(count: number): void };
}
