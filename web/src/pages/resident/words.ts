import type { operations } from '../../api/schema';

export type CaseView = operations['getCase']['responses'][200]['content']['application/json'];
export type CaseStatus = CaseView['status'];
export type Actor = CaseView['timeline'][number]['actor'];
export type ClosureCode = NonNullable<CaseView['closure']>['code'];
export type Rating = 'satisfied' | 'basically-satisfied' | 'dissatisfied';
export type WishGroup = operations['listPublishedWishes']['responses'][200]['content']['application/json']['items'][number]['group'];

/** Where the case is, as the person who reported it reads it. */
export const STATUS_FOR_RESIDENT: Record<CaseStatus, string> = {
  submitted: '已收到，等待网格员核实',
  'grid-check': '网格员正在核实',
  dispatched: '已转交职能部门，等待部门签收',
  'in-progress': '职能部门正在办理',
  verifying: '部门已办完，网格员正在上门核查',
  feedback: '已办结，请您评价',
  closed: '已办结',
  reopened: '您不满意，正在重新办理',
  // A failure the centre repairs: the resident's case is still being handled.
  'needs-attention': '正在办理，指挥中心正在跟进',
};

/** A timeline entry without a note of its own, named by the status the case was in. */
export const STEP_FOR_RESIDENT: Record<CaseStatus, string> = {
  submitted: '提交诉求',
  'grid-check': '网格员核实',
  dispatched: '派给职能部门',
  'in-progress': '部门签收办理',
  verifying: '网格员核查办理结果',
  feedback: '等待您的评价',
  closed: '办结',
  reopened: '重新办理',
  'needs-attention': '指挥中心跟进',
};

export const ACTOR_FOR_RESIDENT: Record<Actor, string> = {
  resident: '您',
  'grid-worker': '网格员',
  department: '职能部门',
  admin: '指挥中心',
  system: '系统',
};

export const CLOSURE_FOR_RESIDENT: Record<ClosureCode, string> = {
  fixed: '问题已解决',
  'resolved-on-site': '网格员已现场解决',
  'not-fixable': '暂时无法解决，已说明原因',
  'not-responsible': '不属本平台职责，已告知办理渠道',
  duplicate: '与已有诉求重复，已合并办理',
  withdrawn: '已撤回',
  invalid: '经核实不成立',
};

export const RATINGS: Array<{ rating: Rating; label: string }> = [
  { rating: 'satisfied', label: '满意' },
  { rating: 'basically-satisfied', label: '基本满意' },
  { rating: 'dissatisfied', label: '不满意' },
];

export const THANKS: Record<Rating, string> = {
  satisfied: '感谢您的评价（满意），诉求将结案。',
  'basically-satisfied': '感谢您的评价（基本满意），诉求将结案。',
  dissatisfied: '已收到您的评价（不满意），诉求将重新派单办理，办好后会再请您评价。',
};

const CHANNEL: Record<string, string> = { web: '网站', app: '手机应用', hotline: '热线电话', sms: '短信', wechat: '微信', visit: '上门走访' };

/**
 * A timeline note as a resident reads it: the few notes the system writes with a code in them
 * ("经web提交", "办结：fixed（…）") get their words, "群众" (staff's word for the reporter) becomes "您";
 * staff's own notes arrive with numbers masked.
 */
export function noteForResident(note: string): string {
  return note
    .replace(/群众/g, '您')
    .replace(/^经(\w+)提交$/, (m, channel: string) => (CHANNEL[channel] ? `经${CHANNEL[channel]}提交` : m))
    .replace(/^办结：([a-z-]+)/, (m, code: string) => (code in CLOSURE_FOR_RESIDENT ? `办结：${CLOSURE_FOR_RESIDENT[code as ClosureCode]}` : m));
}

export const WISH_GROUP_NAMES: Record<WishGroup, string> = { elder: '老人', child: '儿童', hardship: '困难家庭' };
