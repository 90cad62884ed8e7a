import type { CaseStore } from '../../ports/case-store';
import type { ReferenceData } from '../../ports/reference-data';
import type { Workflows } from '../../ports/workflows';
import type { NotifyDeps } from '../notify';

/** What the case use cases need: the store, reference data, the workflow engine, SMS, the clock. */
export interface CaseDeps extends NotifyDeps {
  cases: CaseStore;
  reference: ReferenceData;
  workflows: Workflows;
  /** The command centre's duty contact and the district department that takes unowned cases (兜底). */
  centre: { staffId: string; districtDepartmentId: string };
}
