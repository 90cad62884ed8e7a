import { z } from 'zod';
import { caseActionSchema } from '../domain/case-actions';
import { checkOutCommand, registerElderCommand, registerVolunteerCommand } from '../domain/visits/visit';
import { submitWishCommand, wishActionSchema } from '../domain/wishes/wish';
import { metricsQuery } from '../use-cases/case/metrics';
import { submitCaseCommand } from '../use-cases/submit-case';
import { publicListQuery } from '../use-cases/wishes/list';

type Access = 'public' | 'staff' | 'resident-or-staff';
interface Route {
  method: 'get' | 'post';
  path: string;
  summary: string;
  access: Access;
  body?: z.ZodType;
  query?: z.ZodType;
  success: number;
  /** Takes an `Idempotency-Key` header (bound to the request for 24 h; reused with another body → 422). */
  idempotencyKey?: true;
}

/** Every public route, with the zod schema that validates it: the document cannot drift from the code. */
export const API_ROUTES: Route[] = [
  { method: 'get', path: '/v1/categories', summary: '诉求类别', access: 'public', success: 200 },
  { method: 'get', path: '/v1/grids', summary: '网格', access: 'public', success: 200 },
  { method: 'post', path: '/v1/cases', summary: '提交诉求（可带 Idempotency-Key）', access: 'public', body: submitCaseCommand, success: 201, idempotencyKey: true },
  { method: 'get', path: '/v1/cases/{caseId}', summary: '查看诉求（x-tracking-code 或员工令牌）', access: 'resident-or-staff', success: 200 },
  { method: 'post', path: '/v1/cases/{caseId}/actions', summary: '诉求办理操作', access: 'resident-or-staff', body: caseActionSchema, success: 202 },
  { method: 'get', path: '/v1/worklist', summary: '我的待办', access: 'staff', success: 200 },
  { method: 'get', path: '/v1/metrics', summary: '三率统计', access: 'staff', query: metricsQuery, success: 200 },
  { method: 'post', path: '/v1/elders', summary: '登记独居老人', access: 'staff', body: registerElderCommand, success: 201 },
  { method: 'post', path: '/v1/volunteers', summary: '登记志愿者', access: 'staff', body: registerVolunteerCommand, success: 201 },
  { method: 'get', path: '/v1/visits', summary: '探访列表', access: 'staff', success: 200 },
  { method: 'post', path: '/v1/visits/{visitId}/check-in', summary: '探访签到', access: 'staff', success: 202 },
  { method: 'post', path: '/v1/visits/{visitId}/check-out', summary: '探访签退', access: 'staff', body: checkOutCommand, success: 202 },
  { method: 'post', path: '/v1/wishes', summary: '登记微心愿', access: 'staff', body: submitWishCommand, success: 201 },
  { method: 'get', path: '/v1/wishes', summary: '已发布的微心愿（匿名）', access: 'public', query: publicListQuery, success: 200 },
  { method: 'get', path: '/v1/wishes/{wishId}', summary: '微心愿详情', access: 'staff', success: 200 },
  { method: 'post', path: '/v1/wishes/{wishId}/actions', summary: '微心愿操作', access: 'staff', body: wishActionSchema, success: 202 },
  { method: 'post', path: '/v1/admin/workflows/{name}/executions', summary: '启动工作流（weekly-roster, wish-matching, reconcile）', access: 'staff', success: 202 },
  { method: 'get', path: '/v1/admin/workflows/{name}/executions/{executionId}', summary: '工作流执行状态', access: 'staff', success: 200 },
  { method: 'post', path: '/v1/admin/attention/{kind}/{id}/resume', summary: '恢复出错暂停的流程（kind: case, wish, visit）', access: 'staff', success: 202 },
  { method: 'get', path: '/v1/openapi.json', summary: '本文档', access: 'public', success: 200 },
];

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, fields: { type: 'object', additionalProperties: { type: 'string' } } } } },
};

/** OpenAPI 3.1, generated from the zod schemas the handlers validate with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const parameters = [
      ...[...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...(route.access === 'resident-or-staff' ? [{ name: 'x-tracking-code', in: 'header', required: false, schema: { type: 'string' } }] : []),
      ...(route.idempotencyKey
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: '24 小时内同键同请求得同一答复；同键不同请求得 422 IDEMPOTENCY_KEY_REUSED',
              schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
            },
          ]
        : []),
      ...(route.query
        ? Object.entries((jsonSchema(route.query).properties ?? {}) as Record<string, unknown>).map(([name, schema]) => ({ name, in: 'query', schema }))
        : []),
    ];
    (paths[route.path] ??= {})[route.method] = {
      summary: route.summary,
      ...(route.access === 'staff' ? { security: [{ cognito: [] }] } : route.access === 'resident-or-staff' ? { security: [{}, { cognito: [] }] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } } : {}),
      responses: {
        [route.success]: { description: 'OK', content: { 'application/json': {} } },
        '4XX': { description: '请求有误：error.fields 指出哪个字段', content: { 'application/json': { schema: errorSchema } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: '民情直通 minqing', version: '0.1.0', description: '接诉即办 · 临时儿女 · 微心愿' },
    components: { securitySchemes: { cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (Cognito ID token)' } } },
    paths,
  };
}
