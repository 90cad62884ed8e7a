import type { RepairableKind, RepairStore } from '../../ports/repair-store';
import type { ExecutionView, Workflows } from '../../ports/workflows';
import { WORKFLOW_OF } from './restart-plan';

/**
 * The execution an entity runs on now: its id, or `<id>-r<n>` once the reconciler restarted it. Ask
 * this, not `describe(workflow, id)`, whether an entity's workflow is still running.
 */
export async function describeCurrentExecution(deps: { workflows: Workflows; repair: RepairStore }, kind: RepairableKind, id: string): Promise<ExecutionView | undefined> {
  const run = await deps.repair.run(kind, id);
  return deps.workflows.describe(WORKFLOW_OF[kind], run?.execution ?? id);
}
