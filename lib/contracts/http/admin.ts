import * as z from 'zod';
import { REPAIRABLE } from '../../ports/repair-store';
import { reconcileInput } from '../tasks/reconcile';
import { rosterInput } from '../tasks/weekly-roster';
import { matchingInput } from '../tasks/wish-matching';
import { pathIdSchema } from './path';

/**
 * `POST /v1/admin/workflows/{name}/executions`: the workflows the centre may start by hand, each with
 * the input it validates (the same input its first task reads).
 */
export const STARTABLE_WORKFLOWS = {
  'weekly-roster': rosterInput.strict(),
  'wish-matching': matchingInput,
  reconcile: reconcileInput,
} as const;
export const startableName = z.enum(Object.keys(STARTABLE_WORKFLOWS) as [keyof typeof STARTABLE_WORKFLOWS]);
export type StartableName = z.infer<typeof startableName>;
export type WorkflowInput = z.infer<(typeof STARTABLE_WORKFLOWS)[StartableName]>;

/**
 * Step Functions names an execution with at most 80 characters. A longer id (the path allows 128) names
 * none, and is refused here: on AWS the ARN built from it would be answered InvalidArn, a 500.
 */
export const executionIdParam = z.object({ executionId: pathIdSchema.max(80, '执行编号最长 80 位') });

/** `POST /v1/admin/attention/{kind}/{id}/resume`: what kind of thing waits on the centre. */
export const attentionKind = z.enum(REPAIRABLE);
