import type { Ports } from '../ports';

/**
 * The ports the case subdomain draws on as a whole. No subdomain's dependencies extend another's: each
 * use case takes `Pick<Ports, …>` of what it uses (its own `*Deps` alias), and this wider set remains
 * only for the callers not yet narrowed to their own.
 */
export type CaseDeps = Pick<Ports, 'cases' | 'reference' | 'workflows' | 'centre' | 'outbox' | 'once' | 'optOuts' | 'clock'>;
