import type { StaffRole } from '../domain/actor';

export type Access = 'public' | 'staff' | 'resident-or-staff';
export interface Route {
  /** Stable name of the operation: the OpenAPI operationId, and how a handler names the route it serves. */
  operationId: string;
  method: 'get' | 'post';
  path: string;
  summary: string;
  access: Access;
  /**
   * Staff roles that may ever use this route. A caller with another role gets 403 before anything they
   * sent is read; which records they may touch is still decided by the use case (scope).
   */
  roles?: readonly StaffRole[];
  success: number;
  /** Takes an `Idempotency-Key` header (bound to the request for 24 h; reused with another body → 422). */
  idempotencyKey?: true;
}

/**
 * Every route of the HTTP API. The zod schemas that validate each one's body and query string are in
 * route-schemas.ts: every handler reads this table at its cold start (lib/http/gate.ts), and with them
 * here it would build every route's schemas, not only its own.
 */
export const API_ROUTES: Route[] = [
  { operationId: 'listCategories', method: 'get', path: '/v1/categories', summary: '诉求类别', access: 'public', success: 200 },
  { operationId: 'listGrids', method: 'get', path: '/v1/grids', summary: '网格', access: 'public', success: 200 },
  { operationId: 'listDepartments', method: 'get', path: '/v1/departments', summary: '职能部门', access: 'public', success: 200 },
  { operationId: 'createCase', method: 'post', path: '/v1/cases', summary: '提交诉求（可带 Idempotency-Key）', access: 'public', success: 201, idempotencyKey: true },
  { operationId: 'getCase', method: 'get', path: '/v1/cases/{caseId}', summary: '查看诉求（x-tracking-code 或员工令牌）', access: 'resident-or-staff', roles: ['grid-worker', 'department', 'admin'], success: 200 },
  { operationId: 'actOnCase', method: 'post', path: '/v1/cases/{caseId}/actions', summary: '诉求办理操作', access: 'resident-or-staff', roles: ['grid-worker', 'department', 'admin'], success: 202 },
  { operationId: 'getWorklist', method: 'get', path: '/v1/worklist', summary: '我的待办', access: 'staff', roles: ['grid-worker', 'department', 'admin', 'volunteer'], success: 200 },
  { operationId: 'getMetrics', method: 'get', path: '/v1/metrics', summary: '三率统计', access: 'staff', roles: ['admin'], success: 200 },
  { operationId: 'registerElder', method: 'post', path: '/v1/elders', summary: '登记独居老人', access: 'staff', roles: ['grid-worker', 'admin'], success: 201 },
  { operationId: 'registerVolunteer', method: 'post', path: '/v1/volunteers', summary: '登记志愿者', access: 'staff', roles: ['admin'], success: 201 },
  { operationId: 'listVisits', method: 'get', path: '/v1/visits', summary: '探访列表', access: 'staff', roles: ['grid-worker', 'admin', 'volunteer'], success: 200 },
  { operationId: 'checkInVisit', method: 'post', path: '/v1/visits/{visitId}/check-in', summary: '探访签到', access: 'staff', roles: ['volunteer'], success: 202 },
  { operationId: 'checkOutVisit', method: 'post', path: '/v1/visits/{visitId}/check-out', summary: '探访签退', access: 'staff', roles: ['volunteer'], success: 202 },
  { operationId: 'submitWish', method: 'post', path: '/v1/wishes', summary: '登记微心愿', access: 'staff', roles: ['grid-worker', 'admin'], success: 201 },
  { operationId: 'listPublishedWishes', method: 'get', path: '/v1/wishes', summary: '已发布的微心愿（匿名）', access: 'public', success: 200 },
  { operationId: 'getWish', method: 'get', path: '/v1/wishes/{wishId}', summary: '微心愿详情', access: 'staff', roles: ['grid-worker', 'admin', 'volunteer'], success: 200 },
  { operationId: 'actOnWish', method: 'post', path: '/v1/wishes/{wishId}/actions', summary: '微心愿操作', access: 'staff', roles: ['grid-worker', 'admin', 'volunteer'], success: 202 },
  { operationId: 'listVolunteerClaims', method: 'get', path: '/v1/volunteers/{volunteerId}/claims', summary: '志愿者的心愿认领（本人或指挥中心）', access: 'staff', roles: ['volunteer', 'admin'], success: 200 },
  { operationId: 'getVolunteerPoints', method: 'get', path: '/v1/volunteers/{volunteerId}/points', summary: '志愿者的积分与服务时长（本人或指挥中心）', access: 'staff', roles: ['volunteer', 'admin'], success: 200 },
  { operationId: 'listGridWishes', method: 'get', path: '/v1/grids/{gridId}/wishes', summary: '本网格待审核、待确认的微心愿', access: 'staff', roles: ['grid-worker', 'admin'], success: 200 },
  { operationId: 'startWorkflow', method: 'post', path: '/v1/admin/workflows/{name}/executions', summary: '启动工作流（weekly-roster, wish-matching, reconcile）', access: 'staff', roles: ['admin'], success: 202 },
  { operationId: 'getWorkflowExecution', method: 'get', path: '/v1/admin/workflows/{name}/executions/{executionId}', summary: '工作流执行状态', access: 'staff', roles: ['admin'], success: 200 },
  { operationId: 'resumeAttention', method: 'post', path: '/v1/admin/attention/{kind}/{id}/resume', summary: '恢复出错暂停的流程（kind: case, wish, visit）', access: 'staff', roles: ['admin'], success: 202 },
  { operationId: 'getOpenApi', method: 'get', path: '/v1/openapi.json', summary: '本文档', access: 'public', success: 200 },
];
