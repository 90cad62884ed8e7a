import type { CaseStep } from './case';

/** What a case waits for at each step, as timeline notes and reminders name it. */
export const STEP_LABEL: Record<CaseStep, string> = {
  'grid-check': '网格员核实',
  accept: '部门签收',
  resolve: '部门办理',
  verify: '网格员核查',
  feedback: '群众评价',
  'centre-review': '中心研判',
};

/** What an action did, as its timeline entry names it: a step's own name, but a resolution is done (办结), and a refusal is its own. */
export const ACTION_LABEL: Record<CaseStep | 'refuse', string> = { ...STEP_LABEL, resolve: '部门办结', refuse: '部门退单' };
