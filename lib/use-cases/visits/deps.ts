import type { Ports } from '../ports';

/**
 * The ports the visit subdomain draws on as a whole (the registry, visits, their workflow, grid workers
 * by SMS). It extends no other subdomain's: a visit opens a case through the case subdomain's
 * `openCaseOnBehalf`, and each use case takes `Pick<Ports, …>` of what it uses.
 */
export type VisitDeps = Pick<Ports, 'visits' | 'reference' | 'workflows' | 'outbox' | 'clock'>;
