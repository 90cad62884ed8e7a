export type VisitStatus = 'scheduled' | 'reminded' | 'checked-in' | 'completed' | 'missed' | 'escalated' | 'cancelled';
export type WishStatus = 'submitted' | 'published' | 'claimed' | 'fulfilled' | 'confirmed' | 'expired' | 'rejected' | 'withdrawn';
export type ClaimStatus = 'claimed' | 'contacted' | 'fulfilled' | 'released';
export type WishGroup = 'elder' | 'child' | 'hardship';

export const VISIT_STATUS: Record<VisitStatus, string> = {
  scheduled: '已排班',
  reminded: '已提醒',
  'checked-in': '探访中',
  completed: '已完成',
  missed: '未签到',
  escalated: '已上报社区',
  cancelled: '已取消',
};

export const WISH_STATUS: Record<WishStatus, string> = {
  submitted: '待审核',
  published: '待认领',
  claimed: '已认领',
  fulfilled: '已完成待确认',
  confirmed: '已确认',
  expired: '已过期',
  rejected: '未通过审核',
  withdrawn: '已撤回',
};

export const CLAIM_STATUS: Record<ClaimStatus, string> = {
  claimed: '已认领，待联系',
  contacted: '已联系，待完成',
  fulfilled: '已完成',
  released: '已放弃',
};

export const WISH_GROUPS: Record<WishGroup, string> = { elder: '老人', child: '儿童', hardship: '困难家庭' };

/** The kinds of wish the volunteers' interests are written in (local/seed/demo-data.ts); anything else is 其他. */
export const WISH_CATEGORIES = ['生活用品', '学习用品', '维修', '医疗保健', '文体娱乐', '其他'];

export const POINT_REASONS: Record<string, string> = { 'companion-visit': '陪伴探访', 'micro-wish': '微心愿' };
