import { z } from 'zod';
import { addHours, CASE_STEPS, type CaseStatus, type CaseStep, toShanghaiIso } from '../domain/case';
import { shortLocalTime, smsText } from '../domain/sms-text';
import { CaseMissingError, ConflictError } from '../errors';
import type { CaseStore } from '../ports/case-store';
import type { Clock } from '../ports/clock';
import type { ReferenceData } from '../ports/reference-data';
import { notifyOnce, type NotifyDeps } from './notify';

/** What the workflow passes when it starts waiting on a person. */
export const openCaseStepInput = z.object({
  caseId: z.string().min(1),
  step: z.enum(CASE_STEPS),
  taskToken: z.string().min(1),
  /** Hours the assignee has for this step; the workflow's timeout for the step matches it. */
  hoursAllowed: z.number().positive(),
});
export type OpenCaseStepInput = z.infer<typeof openCaseStepInput>;

const STATUS_WHILE_WAITING: Record<CaseStep, CaseStatus> = {
  'grid-check': 'grid-check',
  accept: 'dispatched',
  resolve: 'in-progress',
  verify: 'verifying',
  feedback: 'feedback',
};

export interface OpenCaseStepDeps extends NotifyDeps {
  cases: CaseStore;
  reference: ReferenceData;
  clock: Clock;
}

const MAX_RACES = 3;

/**
 * Called by a `.waitForTaskToken` task: stores the token against the case and step, moves the case to
 * the matching status, and tells the assignee by SMS (once). A Lambda retry with the same token
 * changes nothing and sends nothing.
 */
export async function openCaseStep(deps: OpenCaseStepDeps, input: OpenCaseStepInput): Promise<{ status: CaseStatus }> {
  for (let race = 0; race < MAX_RACES; race += 1) {
    const record = await deps.cases.get(input.caseId);
    if (!record) throw new CaseMissingError(input.caseId);
    const current = await deps.cases.openStep(input.caseId, input.step);
    const now = deps.clock.now();
    const dueAt = addHours(now, input.hoursAllowed);
    if (current?.taskToken !== input.taskToken) {
      const status = STATUS_WHILE_WAITING[input.step];
      const recorded = await deps.cases.recordStepOpened({
        step: {
          caseId: input.caseId,
          step: input.step,
          taskToken: input.taskToken,
          assignee: { ...(record.gridId ? { gridId: record.gridId } : {}), ...(record.departmentId ? { departmentId: record.departmentId } : {}) },
          dueAt: toShanghaiIso(dueAt),
          openedAt: toShanghaiIso(now),
        },
        status,
        expectedVersion: record.version,
        event: { at: toShanghaiIso(now), status, actor: 'system', note: `等待${STEP_LABEL[input.step]}` },
      });
      if (!recorded) continue;
    }
    await notifyAssignee(deps, input.caseId, input.step, record.category, record.gridId, dueAt);
    return { status: STATUS_WHILE_WAITING[input.step] };
  }
  throw new ConflictError(`case ${input.caseId} kept changing while opening ${input.step}`, 'CASE_CONTENDED');
}

const STEP_LABEL: Record<CaseStep, string> = {
  'grid-check': '网格员核实',
  accept: '部门签收',
  resolve: '部门办理',
  verify: '网格员核查',
  feedback: '群众评价',
};

async function notifyAssignee(
  deps: OpenCaseStepDeps,
  caseId: string,
  step: CaseStep,
  categoryCode: string,
  gridId: string | undefined,
  dueAt: Date,
): Promise<void> {
  if (step !== 'grid-check' || !gridId) return;
  const [grids, categories] = await Promise.all([deps.reference.grids(), deps.reference.categories()]);
  const grid = grids.find((g) => g.gridId === gridId);
  const worker = grid ? await deps.reference.staff(grid.workerStaffId) : undefined;
  if (!grid || !worker) return;
  const categoryName = categories.find((c) => c.code === categoryCode)?.name ?? categoryCode;
  await notifyOnce(deps, {
    key: `${caseId}#grid-check`,
    to: worker.phone,
    text: smsText.gridCheckRequested(caseId, categoryName, grid.name, shortLocalTime(dueAt)),
  });
}
