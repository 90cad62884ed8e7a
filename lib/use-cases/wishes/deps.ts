import type { Ports } from '../ports';

/**
 * The ports the wish subdomain draws on as a whole: wishes, volunteers' contacts (the visit registry),
 * grid workers (reference data), the wish workflows and SMS. Each use case takes `Pick<Ports, …>` of
 * what it uses; this wider set remains only for the callers not yet narrowed to their own.
 */
export type WishDeps = Pick<Ports, 'wishes' | 'visits' | 'reference' | 'workflows' | 'outbox' | 'clock'>;
