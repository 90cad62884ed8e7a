import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadServerlessConfig } from '../../../local/serverless-config';
import { z } from 'zod';
import { openApiDocument } from '../../../lib/http/openapi';
import { responseSchemas } from '../../../lib/http/response-schemas';
import { schemasOf } from '../../../lib/http/route-schemas';
import { API_ROUTES } from '../../../lib/http/routes';

type Operation = {
  operationId: string;
  security: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string; required: boolean; schema: Record<string, unknown> }>;
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }>; headers?: Record<string, { required: boolean }> }>;
};
const doc = openApiDocument() as unknown as {
  servers: Array<{ url: string; variables?: Record<string, { default: string }> }>;
  components: { securitySchemes: Record<string, Record<string, string>>; responses: Record<string, { headers?: Record<string, { required: boolean }> }> };
  paths: Record<string, Record<string, Operation>>;
};
const operation = (method: string, path: string) => doc.paths[path]![method]!;
const parameter = (op: Operation, name: string) => op.parameters?.find((p) => p.name === name);

describe('the OpenAPI document', () => {
  const config = loadServerlessConfig(join(resolve(__dirname, '../../..'), 'serverless.yml'), { stage: 'ci', region: 'ap-southeast-1' });
  const deployed = config.functions.flatMap((fn) => fn.http.map((h) => ({ key: `${h.method.toLowerCase()} ${h.path}`, staff: Boolean(h.authorizer) })));

  it('documents exactly the routes serverless.yml deploys', () => {
    expect(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(deployed.map((d) => d.key).sort());
  });

  it('marks every route behind the authorizer as needing a staff token', () => {
    for (const d of deployed) {
      const route = API_ROUTES.find((r) => `${r.method} ${r.path}` === d.key)!;
      expect({ route: d.key, staff: route.access === 'staff' }).toEqual({ route: d.key, staff: d.staff });
    }
  });

  it('carries the request schemas the handlers validate with', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object; oneOf?: unknown[] } }> } }>> };
    const createCase = doc.paths['/v1/cases']!.post!.requestBody!.content['application/json']!.schema;
    expect(Object.keys(createCase.properties ?? {})).toEqual(expect.arrayContaining(['category', 'description', 'location', 'reporter']));
    const actions = doc.paths['/v1/cases/{caseId}/actions']!.post!.requestBody!.content['application/json']!.schema;
    expect(actions.oneOf).toHaveLength(7);
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });

  it('names every operation by the operationId of the route table, once', () => {
    const ids = API_ROUTES.map((r) => operation(r.method, r.path).operationId);
    expect(ids).toEqual(API_ROUTES.map((r) => r.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says on each operation who may call it: nobody in particular, staff, or the resident with a tracking code or staff', () => {
    expect(doc.components.securitySchemes.trackingCode).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-tracking-code' });
    expect(doc.components.securitySchemes.cognito).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const route of API_ROUTES) {
      const expected = { public: [], staff: [{ cognito: [] }], 'resident-or-staff': [{ trackingCode: [] }, { cognito: [] }] }[route.access];
      expect({ op: route.operationId, security: operation(route.method, route.path).security }).toEqual({ op: route.operationId, security: expected });
    }
  });

  it('lists the local stack and the deployed API as servers', () => {
    expect(doc.servers.map((s) => s.url)).toEqual(['http://127.0.0.1:{port}', 'https://{apiId}.execute-api.{region}.{dnsSuffix}']);
    expect(doc.servers[0]!.variables!.port!.default).toBe('3000');
  });

  it('marks path parameters and the query parameters the zod schema requires as required, and no others', () => {
    const metrics = operation('get', '/v1/metrics');
    expect(['from', 'to', 'by'].map((n) => [n, parameter(metrics, n)?.required])).toEqual([['from', true], ['to', true], ['by', false]]);
    expect(operation('get', '/v1/wishes').parameters!.filter((p) => p.in === 'query' && p.required)).toEqual([]);
    expect(operation('get', '/v1/visits').parameters!.map((p) => `${p.in}:${p.name}:${p.required}`).sort()).toEqual(['query:elderId:false', 'query:from:false', 'query:to:false', 'query:volunteerId:false']);
    for (const route of API_ROUTES) {
      for (const name of [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)) {
        expect({ op: route.operationId, name, required: parameter(operation(route.method, route.path), name)?.required }).toEqual({ op: route.operationId, name, required: true });
      }
    }
    expect(parameter(operation('post', '/v1/admin/workflows/{name}/executions'), 'name')!.schema).toMatchObject({ enum: ['weekly-roster', 'wish-matching', 'reconcile'] });
  });

  it('documents every field of every route’s query schema as a query parameter, and no other', () => {
    const declared = (route: (typeof API_ROUTES)[number]) => {
      const { query } = schemasOf(route.operationId);
      if (!query) return [];
      expect({ op: route.operationId, object: query instanceof z.ZodObject }).toEqual({ op: route.operationId, object: true });
      return Object.keys((query as z.ZodObject).shape).sort();
    };
    for (const route of API_ROUTES) {
      const documented = (operation(route.method, route.path).parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name).sort();
      expect({ op: route.operationId, query: documented }).toEqual({ op: route.operationId, query: declared(route) });
    }
    expect(declared(API_ROUTES.find((r) => r.operationId === 'listVisits')!)).toEqual(['elderId', 'from', 'to', 'volunteerId']);
  });

  it('declares a query schema on every route whose handler reads the query string, and every path parameter a handler reads is in its path', () => {
    const root = resolve(__dirname, '../../..');
    for (const fn of config.functions.filter((f) => f.http.length)) {
      const source = readFileSync(join(root, `${fn.handler.replace(/\.handler$/, '')}.ts`), 'utf8');
      const operationId = /httpHandler\('(\w+)'/.exec(source)?.[1];
      const route = API_ROUTES.find((r) => r.operationId === operationId);
      if (!route) throw new Error(`${fn.handler} names no route of the route table`);
      expect({ fn: fn.name, readsQuery: source.includes('queryStringParameters') }).toEqual({ fn: fn.name, readsQuery: Boolean(schemasOf(route.operationId).query) });
      const read = [...source.matchAll(/pathParam\(event, '(\w+)'\)/g)].map((m) => m[1]);
      expect({ fn: fn.name, missing: read.filter((name) => !route.path.includes(`{${name}}`)) }).toEqual({ fn: fn.name, missing: [] });
    }
  });

  it('documents the execution id as the handler checks it: an id of at most 80 characters', () => {
    expect(parameter(operation('get', '/v1/admin/workflows/{name}/executions/{executionId}'), 'executionId')!.schema).toMatchObject({ type: 'string', maxLength: 80, pattern: '^[A-Za-z0-9_-]{1,128}$' });
  });

  it('documents Idempotency-Key where a route takes one', () => {
    for (const route of API_ROUTES) {
      expect({ op: route.operationId, header: Boolean(parameter(operation(route.method, route.path), 'Idempotency-Key')) }).toEqual({ op: route.operationId, header: Boolean(route.idempotencyKey) });
    }
  });

  it('gives each success response the schema of response-schemas.ts', () => {
    for (const route of API_ROUTES) {
      const success = operation(route.method, route.path).responses[String(route.success)]!;
      const { $schema: _ignored, ...expected } = z.toJSONSchema(responseSchemas[route.operationId as keyof typeof responseSchemas], { io: 'output', unrepresentable: 'any' });
      expect({ op: route.operationId, schema: success.content?.['application/json']?.schema }).toEqual({ op: route.operationId, schema: expected });
    }
  });

  it('documents the errors each kind of route answers, every one in the error shape', () => {
    const statuses = (method: string, path: string) => Object.keys(operation(method, path).responses).sort();
    expect(statuses('get', '/v1/categories')).toEqual(['200', '401', '500']);
    expect(statuses('post', '/v1/cases')).toEqual(['201', '400', '401', '409', '413', '415', '422', '429', '500']);
    expect(statuses('get', '/v1/cases/{caseId}')).toEqual(['200', '400', '401', '403', '404', '500']);
    expect(statuses('post', '/v1/cases/{caseId}/actions')).toEqual(['202', '400', '401', '403', '404', '409', '413', '415', '500']);
    expect(statuses('get', '/v1/metrics')).toEqual(['200', '400', '401', '403', '500']);
    expect(statuses('post', '/v1/admin/workflows/{name}/executions')).toEqual(['202', '400', '401', '403', '413', '415', '500']);
    expect(statuses('get', '/v1/admin/workflows/{name}/executions/{executionId}')).toEqual(['200', '400', '401', '403', '404', '500']);
    for (const route of API_ROUTES) {
      for (const [status, response] of Object.entries(operation(route.method, route.path).responses)) {
        if (Number(status) >= 400) expect({ op: route.operationId, status, ref: response.$ref }).toEqual({ op: route.operationId, status, ref: expect.stringMatching(/^#\/components\/responses\//) });
      }
    }
  });

  it('requires Retry-After on 429', () => {
    expect(doc.components.responses.TooManyRequests!.headers!['Retry-After']!.required).toBe(true);
  });
});
