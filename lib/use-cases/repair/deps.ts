import type { Ports } from '../ports';

/**
 * The ports repairs draw on as a whole: every lifecycle's store (cases, wishes, visits) and workflows,
 * the repair records, the centre by SMS and the needs-attention metric. Each use case takes
 * `Pick<Ports, …>` of what it uses; nothing here extends another subdomain's dependencies.
 */
export type RepairDeps = Pick<Ports, 'repair' | 'metrics' | 'cases' | 'wishes' | 'visits' | 'workflows' | 'reference' | 'centre' | 'outbox' | 'clock'>;
