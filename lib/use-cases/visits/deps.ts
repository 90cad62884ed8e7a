import type { VisitStore } from '../../ports/visit-store';
import type { CaseDeps } from '../case/deps';

/** Visits open cases (welfare checks, concerns), so they need what cases need, plus their own store. */
export interface VisitDeps extends CaseDeps {
  visits: VisitStore;
}
