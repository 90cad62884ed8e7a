import type { ReconcileInput } from '../../contracts/tasks/reconcile';
import { toShanghaiIso } from '../../domain/case';
import { log } from '../../log';
import type { RepairableKind } from '../../ports/repair-store';
import type { Ports } from '../ports';
import { restoreCase } from './case-attention';
import { restartPlan, WORKFLOW_OF, type RestartPlanDeps } from './restart-plan';

export interface Repaired {
  kind: RepairableKind;
  id: string;
  step: string;
  execution: string;
}

const PAGE_SIZE = 500;
const CONCURRENCY = 16;
const STOPPED = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

/**
 * Starts the workflow of one open entity again if none is running: under its own name if it never
 * started (that name is the lock against its original starter), else under `<id>-r<n>`, which a
 * conditional write takes first, so two reconcilers never start two. An item waiting on the centre
 * whose execution is gone is taken off the worklist.
 */
export type ReconcileOneDeps = RestartPlanDeps & Pick<Ports, 'workflows'>;

export async function reconcileOne(deps: ReconcileOneDeps, entity: { kind: RepairableKind; id: string }): Promise<Repaired | undefined> {
  const { kind, id } = entity;
  const workflow = WORKFLOW_OF[kind];
  const run = await deps.repair.run(kind, id);
  const current = run?.execution ?? id;
  const execution = await deps.workflows.describe(workflow, current);
  if (execution && !STOPPED.has(execution.status)) return undefined;
  const plan = await restartPlan(deps, kind, id);
  if (!plan) return undefined;
  const attention = await deps.repair.attention(kind, id);
  if (attention && !attention.resolvedAt) {
    if (kind === 'case') await restoreCase(deps, id, attention.previousStatus);
    await deps.repair.resolveAttention(kind, id, attention.taskToken, toShanghaiIso(deps.clock.now()));
  }
  let name = current;
  if (execution) {
    const restarts = run?.restarts ?? 0;
    name = `${id}-r${restarts + 1}`;
    if (!(await deps.repair.recordRestart({ kind, id, execution: name, restarts: restarts + 1 }, restarts))) return undefined;
  }
  await deps.workflows.start(workflow, name, plan.input);
  log.info('workflow restarted', { kind, id, step: plan.step, execution: name, was: execution?.status ?? 'missing' });
  return { kind, id, step: plan.step, execution: name };
}

/**
 * Finds open cases, wishes and visits without a running execution and restarts each from its current
 * step. Goes on from where the last run stopped, a bounded number of pages per run.
 */
export async function reconcile(deps: ReconcileOneDeps & Pick<Ports, 'metrics'>, input: ReconcileInput) {
  let cursor = await deps.repair.reconcileCursor();
  const repaired: Repaired[] = [];
  let checked = 0;
  for (let page = 0; page < input.maxPages && repaired.length < input.maxRestarts; page += 1) {
    const { items, cursor: next } = await deps.repair.candidates(cursor, PAGE_SIZE);
    let finishedPage = true;
    // Items are independent: checked a batch at a time, so a pass over a district stays short.
    for (let from = 0; from < items.length; from += CONCURRENCY) {
      if (repaired.length >= input.maxRestarts) {
        finishedPage = false;
        break;
      }
      const batch = items.slice(from, from + Math.min(CONCURRENCY, input.maxRestarts - repaired.length));
      checked += batch.length;
      for (const done of await Promise.all(batch.map((item) => reconcileOne(deps, item)))) if (done) repaired.push(done);
      if (batch.length < Math.min(CONCURRENCY, items.length - from)) {
        finishedPage = false;
        break;
      }
    }
    if (!finishedPage) break;
    cursor = next;
    if (!cursor) break;
  }
  await deps.repair.saveReconcileCursor(cursor);
  const waiting = (await deps.repair.openAttention(1000)).length;
  deps.metrics.needsAttention(waiting);
  return { checked, repaired, needsAttention: waiting, complete: cursor === undefined };
}
