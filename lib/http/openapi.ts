import { z } from 'zod';
import { API_ROUTES } from './routes';

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
