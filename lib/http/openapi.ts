import * as z from 'zod';
import { attentionKind, executionIdParam, STARTABLE_WORKFLOWS, startableName } from '../contracts/http/admin';
import { idempotencyKeySchema } from '../contracts/http/cases';
import { pathIdSchema } from '../contracts/http/path';
import { MAX_BODY_BYTES } from './request';
import { responseSchemas, type OperationId } from './response-schemas';
import { schemasOf } from './route-schemas';
import { API_ROUTES, type Route } from './routes';

type JsonObject = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonObject => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;
  return rest;
};

/**
 * Path parameters are ids (`pathParam` refuses anything else with a 400; an execution id is also at most
 * 80 long) or, for admin routes, names from a fixed list.
 */
const PATH_PARAMETER_SCHEMAS: Record<string, z.ZodType> = { name: startableName, kind: attentionKind, executionId: executionIdParam.shape.executionId };
/** Path parameters checked against a fixed list (400), which therefore never name a missing record (404). */
const LISTED_PATH_PARAMETERS = new Set(['name', 'kind']);

/**
 * Request bodies the route table does not carry, because their handler picks the schema at run time:
 * each workflow validates its own input (STARTABLE_WORKFLOWS); an empty body is `{}`.
 */
const EXTRA_BODIES: Partial<Record<OperationId, { required: boolean; schema: z.ZodType; description: string }>> = {
  startWorkflow: {
    required: false,
    schema: z.union(Object.values(STARTABLE_WORKFLOWS)),
    description: 'weekly-roster: {weekOf?}；wish-matching: {}；reconcile: {maxPages?, maxRestarts?}。可省略。',
  },
};

/** The 409s each operation can answer, by code: what a client may meet when the thing is not in a state that allows it. */
const CONFLICTS: Partial<Record<OperationId, string>> = {
  createCase: 'ID_EXHAUSTED（编号冲突，请重试）；IDEMPOTENCY_IN_PROGRESS（同一幂等键的请求仍在处理）',
  actOnCase: 'NOT_WAITING（诉求当前不在等待此操作，或另一操作已先生效）；WORKFLOW_NOT_RUNNING（流程已停止）',
  registerElder: 'PHONE_TAKEN（该手机号已登记）',
  registerVolunteer: 'PHONE_TAKEN（该手机号已登记）',
  checkInVisit: 'NOT_WAITING；VISIT_ESCALATED（已超时并启动上门查看）',
  checkOutVisit: 'NOT_WAITING',
  actOnWish: 'NOT_ALLOWED_NOW（心愿当前状态不允许，或已认领满）；WORKFLOW_NOT_RUNNING',
};

/** Operations that answer 429 with Retry-After: reports count against limits per reporting phone (emergencies never do). */
const RATE_LIMITED: Partial<Record<OperationId, string>> = {
  createCase: '同一手机号每小时、每天提交次数有上限（紧急类别不限）；Retry-After 秒后可再提交',
};

/** API.md: every error is this, with an UPPER_SNAKE code; a 500 adds only a request id. */
const errorSchema = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: {
        code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
        message: { type: 'string', minLength: 1 },
        fields: { type: 'object', description: '出错的字段（a.b.0 形式）→ 原因', additionalProperties: { type: 'string' } },
        requestId: { type: 'string', description: '仅 500：请求编号，便于查日志' },
      },
    },
  },
};
const ERROR_REF = { $ref: '#/components/schemas/Error' };

/** One shared response per error status; a code fixed by its error class is pinned, the others follow UPPER_SNAKE. */
const ERROR_RESPONSES = {
  400: { name: 'BadRequest', description: '请求有误：error.fields 指出哪个字段（路径、查询参数、请求头或请求体）' },
  401: { name: 'Unauthenticated', description: '缺少或无效的登录凭证（或查询码）', code: 'UNAUTHENTICATED' },
  403: { name: 'Forbidden', description: '角色或管辖范围不允许', code: 'FORBIDDEN' },
  404: { name: 'NotFound', description: '未找到（居民查询码不符时也如此，以免探测编号）' },
  409: { name: 'Conflict', description: '当前状态不允许此操作' },
  413: { name: 'PayloadTooLarge', description: `请求体过大（接口 ${MAX_BODY_BYTES / 1024} KB；网关 10 MB）`, code: 'PAYLOAD_TOO_LARGE' },
  415: { name: 'UnsupportedMediaType', description: '请求体须为 application/json（UTF-8）', code: 'UNSUPPORTED_MEDIA_TYPE' },
  422: { name: 'IdempotencyKeyReused', description: '该 Idempotency-Key 已用于另一请求', code: 'IDEMPOTENCY_KEY_REUSED' },
  429: { name: 'TooManyRequests', description: '超过频率上限：Retry-After 秒后再试' },
  500: { name: 'Internal', description: '服务暂时不可用，不含内部细节', code: 'INTERNAL' },
} as const;
type ErrorStatus = keyof typeof ERROR_RESPONSES;

const RETRY_AFTER = { description: '多少秒后可以重试', required: true, schema: { type: 'integer', minimum: 1 } };

function componentResponses(): JsonObject {
  return Object.fromEntries(
    Object.values(ERROR_RESPONSES).map((r) => [
      r.name,
      {
        description: r.description,
        ...(r.name === 'TooManyRequests' ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
        content: { 'application/json': { schema: 'code' in r ? { allOf: [ERROR_REF, { properties: { error: { properties: { code: { const: r.code } } } } }] } : ERROR_REF } },
      },
    ]),
  );
}

const pathParameterNames = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/**
 * Every status the route's handler, its use case and the gateway in front of it can answer. Read from
 * functions/_shared/http-handler.ts (who before what), lib/http/request.ts (path ids, bodies) and the
 * use cases; a response outside this list fails the e2e test that received it.
 */
export function errorStatusesOf(route: Route): ErrorStatus[] {
  const op = route.operationId as OperationId;
  const pathParameters = pathParameterNames(route.path);
  // A path naming a record can miss it (404); a workflow name or a kind is checked against its list (400).
  const namesRecord = pathParameters.some((name) => !LISTED_PATH_PARAMETERS.has(name));
  const schemas = schemasOf(op);
  const body = Boolean(schemas.body ?? EXTRA_BODIES[op]);
  const statuses: ErrorStatus[] = [];
  if (pathParameters.length || body || schemas.query || route.idempotencyKey) statuses.push(400);
  // Public routes too: a bearer token that is there but malformed or invalid is 401 everywhere.
  statuses.push(401);
  if (route.access !== 'public') statuses.push(403);
  if (namesRecord) statuses.push(404);
  if (CONFLICTS[op]) statuses.push(409);
  if (body) statuses.push(413, 415);
  if (route.idempotencyKey) statuses.push(422);
  if (RATE_LIMITED[op]) statuses.push(429);
  statuses.push(500);
  return statuses;
}

function errorResponse(route: Route, status: ErrorStatus): JsonObject {
  const op = route.operationId as OperationId;
  const ref = { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
  if (status === 409) return { ...ref, description: `当前状态不允许此操作：${CONFLICTS[op]}` };
  if (status === 429) return { ...ref, description: RATE_LIMITED[op] };
  return ref;
}

const SECURITY: Record<Route['access'], JsonObject[]> = {
  public: [],
  staff: [{ cognito: [] }],
  // Either alternative: the resident's tracking code, or a staff token.
  'resident-or-staff': [{ trackingCode: [] }, { cognito: [] }],
};

function parametersOf(route: Route): JsonObject[] {
  const { query } = schemasOf(route.operationId);
  const querySchema = query ? jsonSchema(query) : undefined;
  const requiredQuery = new Set((querySchema?.required as string[] | undefined) ?? []);
  return [
    ...pathParameterNames(route.path).map((name) => ({ name, in: 'path', required: true, schema: jsonSchema(PATH_PARAMETER_SCHEMAS[name] ?? pathIdSchema) })),
    ...(route.idempotencyKey
      ? [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description: '24 小时内同键同请求得同一答复（不再含查询码）；同键不同请求得 422 IDEMPOTENCY_KEY_REUSED',
            schema: jsonSchema(idempotencyKeySchema),
          },
        ]
      : []),
    ...Object.entries((querySchema?.properties ?? {}) as Record<string, JsonObject>).map(([name, schema]) => ({
      name,
      in: 'query',
      required: requiredQuery.has(name),
      schema,
    })),
  ];
}

function requestBodyOf(route: Route): JsonObject | undefined {
  const extra = EXTRA_BODIES[route.operationId as OperationId];
  const { body } = schemasOf(route.operationId);
  if (body) return { required: true, content: { 'application/json': { schema: jsonSchema(body) } } };
  if (extra) return { required: extra.required, description: extra.description, content: { 'application/json': { schema: jsonSchema(extra.schema) } } };
  return undefined;
}

const TAGS = [
  { name: 'cases', description: '接诉即办：居民诉求从提交到办结' },
  { name: 'visits', description: '临时儿女：独居老人探访' },
  { name: 'wishes', description: '先锋圆梦：微心愿' },
  { name: 'admin', description: '指挥中心：统计、工作流、出错恢复' },
  { name: 'reference', description: '基础数据与本文档' },
];

function tagOf(route: Route): string {
  if (/^\/v1\/(cases|worklist)/.test(route.path)) return 'cases';
  if (/^\/v1\/(visits|elders|volunteers)/.test(route.path)) return 'visits';
  if (route.path.startsWith('/v1/wishes')) return 'wishes';
  if (/^\/v1\/(admin|metrics)/.test(route.path)) return 'admin';
  return 'reference';
}

function operationOf(route: Route): JsonObject {
  const op = route.operationId as OperationId;
  const parameters = parametersOf(route);
  const requestBody = requestBodyOf(route);
  const roles = route.access === 'public' ? '' : `员工角色：${(route.roles ?? []).join('、')}${route.access === 'resident-or-staff' ? '；或居民凭查询码' : ''}`;
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(roles ? { description: roles } : {}),
    tags: [tagOf(route)],
    security: SECURITY[route.access],
    ...(roles && route.roles ? { 'x-staff-roles': route.roles } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [route.success]: { description: route.success === 202 ? '已受理，将会生效' : route.success === 201 ? '已创建' : '成功', content: { 'application/json': { schema: jsonSchema(responseSchemas[op], 'output') } } },
      ...Object.fromEntries(errorStatusesOf(route).map((status) => [status, errorResponse(route, status)])),
    },
  };
}

/** OpenAPI 3.1, generated from the zod schemas the handlers validate with and the use cases answer with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) (paths[route.path] ??= {})[route.method] = operationOf(route);
  return {
    openapi: '3.1.0',
    info: {
      title: '民情直通 minqing',
      version: '0.1.0',
      description:
        '接诉即办 · 临时儿女 · 微心愿。所有错误均为 {"error": {"code", "message", "fields"?}}。' +
        '在 AWS 上，HTTP API 网关自己拒绝的请求（JWT 授权失败 401、无此路由 404、超过 10 MB 413、网关限流 429）' +
        '由 API Gateway 直接答复 {"message": …}，HTTP API 无法改写其格式。',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [
      { url: 'http://127.0.0.1:{port}', description: '本机 local stack（npm start）', variables: { port: { default: '3000' } } },
      {
        url: 'https://{apiId}.execute-api.{region}.{dnsSuffix}',
        description: '部署在 AWS 的 HTTP API（serverless deploy 输出其地址）',
        variables: {
          apiId: { default: 'apiId', description: 'HTTP API 的 id' },
          region: { default: 'ap-southeast-1', description: '部署的区域' },
          dnsSuffix: { default: 'amazonaws.com', enum: ['amazonaws.com', 'amazonaws.com.cn'], description: '中国区域为 amazonaws.com.cn' },
        },
      },
    ],
    tags: TAGS,
    components: {
      securitySchemes: {
        cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (Cognito ID token)', description: '员工：Cognito 用户池签发的 ID 令牌' },
        trackingCode: { type: 'apiKey', in: 'header', name: 'x-tracking-code', description: '居民：提交诉求时得到的查询码' },
      },
      schemas: { Error: errorSchema },
      responses: componentResponses(),
    },
    paths,
  };
}
