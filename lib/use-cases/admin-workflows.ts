import { z } from 'zod';
import { requireStaff, type StaffActor } from '../domain/actor';
import { randomCode } from '../domain/ids';
import { ForbiddenError, NotFoundError } from '../errors';
import { parseWith } from '../http/request';
import type { Workflows } from '../ports/workflows';
import { reconcileInput } from './repair/reconcile';
import { rosterInput, rosterWeek, type RosterInput } from './visits/roster';
import { matchingInput } from './wishes/matching';

/** Workflows the centre may start by hand, each with the input it validates. */
const STARTABLE = {
  'weekly-roster': rosterInput.strict(),
  'wish-matching': matchingInput,
  reconcile: reconcileInput,
} as const;
export const startableName = z.enum(Object.keys(STARTABLE) as [keyof typeof STARTABLE]);

function requireAdmin(actor: StaffActor | undefined): void {
  if (requireStaff(actor).role !== 'admin') throw new ForbiddenError('仅指挥中心可以启动工作流');
}

/** `POST /v1/admin/workflows/{name}/executions` → 202 `{executionId}`. */
export async function startWorkflow(deps: { workflows: Workflows; clock: { now(): Date } }, actor: StaffActor | undefined, name: z.infer<typeof startableName>, input: unknown) {
  requireAdmin(actor);
  const parsed = parseWith(STARTABLE[name], input, '工作流输入');
  // A roster for a wrong week is refused here, before an execution could book and page anyone.
  if (name === 'weekly-roster') rosterWeek(deps.clock.now(), (parsed as RosterInput).weekOf);
  const executionId = `${name}-${deps.clock.now().toISOString().replace(/[^0-9]/g, '').slice(0, 14)}-${randomCode(4)}`;
  await deps.workflows.start(name, executionId, JSON.parse(JSON.stringify(parsed)) as Record<string, string>);
  return { executionId };
}

/**
 * Step Functions names an execution with at most 80 characters. A longer id (the path allows 128) names
 * none, and is refused here: on AWS the ARN built from it would be answered InvalidArn, a 500.
 */
const executionIdParam = z.object({ executionId: z.string().max(80, '执行编号最长 80 位') });

/** `GET /v1/admin/workflows/{name}/executions/{executionId}`. */
export async function describeWorkflow(deps: { workflows: Workflows }, actor: StaffActor | undefined, name: z.infer<typeof startableName>, executionId: string) {
  requireAdmin(actor);
  parseWith(executionIdParam, { executionId }, '路径参数');
  const view = await deps.workflows.describe(name, executionId);
  if (!view) throw new NotFoundError('未找到该执行');
  return view;
}
