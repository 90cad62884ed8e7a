import type { StartableName, WorkflowInput } from '../contracts/http/admin';
import { requireStaff, type StaffActor } from '../domain/actor';
import { randomCode } from '../domain/ids';
import { isCentre, requirePermission } from '../domain/policy';
import { NotFoundError } from '../errors';
import { commandFrom, type CommandSource } from './command-source';
import type { Ports } from './ports';
import { rosterWeek } from './visits/roster';

const requireCentre = (actor: StaffActor | undefined) => requirePermission(isCentre(requireStaff(actor)), '仅指挥中心可以启动工作流');

/** `POST /v1/admin/workflows/{name}/executions` → 202 `{executionId}`. The input is read once the caller is known to be the centre. */
export async function startWorkflow(deps: Pick<Ports, 'workflows' | 'clock'>, actor: StaffActor | undefined, name: StartableName, source: CommandSource<WorkflowInput>) {
  requireCentre(actor);
  const input = commandFrom(source);
  // A roster for a wrong week is refused here, before an execution could book and page anyone.
  if (name === 'weekly-roster') rosterWeek(deps.clock.now(), 'weekOf' in input ? input.weekOf : undefined);
  const executionId = `${name}-${deps.clock.now().toISOString().replace(/[^0-9]/g, '').slice(0, 14)}-${randomCode(4)}`;
  await deps.workflows.start(name, executionId, JSON.parse(JSON.stringify(input)) as Record<string, string>);
  return { executionId };
}

/** `GET /v1/admin/workflows/{name}/executions/{executionId}` (the id checked against `executionIdParam` at the edge). */
export async function describeWorkflow(deps: Pick<Ports, 'workflows'>, actor: StaffActor | undefined, name: StartableName, executionId: string) {
  requireCentre(actor);
  const view = await deps.workflows.describe(name, executionId);
  if (!view) throw new NotFoundError('未找到该执行');
  return view;
}
