import type { components, operations } from '../../api/schema';

type CaseView = operations['getCase']['responses'][200]['content']['application/json'];
export type CaseStatus = CaseView['status'];
export type Actor = CaseView['timeline'][number]['actor'];
export type ClosureCode = NonNullable<CaseView['closure']>['code'];
export type WorkItem = operations['getWorklist']['responses'][200]['content']['application/json'][number];
export type Step = WorkItem['step'];
export type ApiError = components['schemas']['Error'];

/** The words a grid worker or a department reads for each status, step and actor. */
export const STATUS_NAMES: Record<CaseStatus, string> = {
  submitted: '已提交',
  'grid-check': '网格员核查中',
  dispatched: '已派单，待部门签收',
  'in-progress': '部门办理中',
  verifying: '待网格员核实',
  feedback: '待居民评价',
  closed: '已办结',
  reopened: '居民不满意，重新办理',
  'needs-attention': '流程异常，待指挥中心处理',
};

export const STEP_NAMES: Record<Step, string> = {
  'grid-check': '现场核查',
  accept: '签收或退回',
  resolve: '办理并答复',
  verify: '核实办理结果',
  feedback: '等待居民评价',
  'centre-review': '中心复核',
  'needs-attention': '流程异常',
};

export const ACTOR_NAMES: Record<Actor, string> = {
  resident: '居民',
  'grid-worker': '网格员',
  department: '职能部门',
  admin: '指挥中心',
  system: '系统',
};

export const CLOSURE_NAMES: Record<ClosureCode, string> = {
  fixed: '已解决',
  'resolved-on-site': '现场已解决',
  'not-fixable': '暂无法解决',
  'not-responsible': '不属于受理范围',
  duplicate: '重复诉求',
  withdrawn: '居民撤回',
  invalid: '无效诉求',
};

export const PRIORITY_NAMES: Record<CaseView['priority'], string> = {
  emergency: '紧急',
  utilities: '水电气暖',
  general: '一般',
  complex: '复杂',
};
