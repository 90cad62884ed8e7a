import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LambdaRuntime } from './lambda-runtime';
import type { LocalIssuer } from './issuer';
import type { LocalCors, LocalFunction } from './serverless-config';
import { MAX_REQUEST_BYTES, readBody, RequestTooLargeError, send } from './http-util';

interface Route {
  method: string;
  pattern: RegExp;
  params: string[];
  routeKey: string;
  authorizer?: string;
  fn: LocalFunction;
}

export type LocalRoute = (req: IncomingMessage, body: string, url: URL) => Promise<{ status: number; body: unknown }>;

/** API Gateway hands JWT claims to the function as strings; arrays become `[a b]`. */
function claimsAsGatewayGivesThem(claims: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : String(v)]));
}

/** A malformed escape (`%ZZ`) is the client's mistake: undefined here, a 400 in the documented shape there. */
/** API Gateway (payload 2.0) joins a repeated query parameter's values with commas; it never keeps only one. */
export function queryAsGatewayGivesIt(params: URLSearchParams): Record<string, string> | undefined {
  if (params.size === 0) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of params) out[key] = key in out ? `${out[key]},${value}` : value;
  return out;
}

function decodedOrUndefined(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function compile(fn: LocalFunction, http: LocalFunction['http'][number]): Route {
  const params: string[] = [];
  const source = http.path.replace(/\{(\w+)\+?\}/g, (_m, name: string) => {
    params.push(name);
    return '([^/]+)';
  });
  return {
    method: http.method,
    pattern: new RegExp(`^${source}/?$`),
    params,
    routeKey: `${http.method} ${http.path}`,
    ...(http.authorizer ? { authorizer: http.authorizer } : {}),
    fn,
  };
}

/**
 * The gateway's own answers, in the API's documented error shape (API.md) so that clients and the
 * contract tests meet one format locally. On AWS, API Gateway answers these itself as `{"message": …}`.
 */
const gatewayError = (code: string, message: string) => ({ error: { code, message } });
const UNAUTHORIZED = gatewayError('UNAUTHENTICATED', '需要有效的登录凭证');
const NO_ROUTE = gatewayError('NOT_FOUND', '没有这个接口');
const TOO_LARGE = gatewayError('PAYLOAD_TOO_LARGE', `请求体超过 ${MAX_REQUEST_BYTES / 1024 / 1024} MB`);
const INTERNAL = gatewayError('INTERNAL', '服务暂时不可用，请稍后重试');

/**
 * What API Gateway's CORS configuration does: a preflight (OPTIONS with Origin and
 * Access-Control-Request-Method) is answered by the gateway itself, 204 with the allowed origins,
 * methods and headers, reaching no route; any other request with an Origin gets the allowed origin
 * (and the exposed headers) on whatever the answer is, the backend's own CORS headers being ignored.
 */
function corsFor(cors: LocalCors | undefined) {
  const originFor = (origin: string) => (cors!.allowOrigins.includes('*') ? '*' : cors!.allowOrigins.includes(origin) ? origin : undefined);
  return {
    preflight(req: IncomingMessage): Record<string, string> | undefined {
      const origin = req.headers.origin;
      if (!cors || req.method !== 'OPTIONS' || !origin || !req.headers['access-control-request-method']) return undefined;
      const allowed = originFor(origin);
      return {
        ...(allowed ? { 'access-control-allow-origin': allowed } : {}),
        'access-control-allow-methods': cors.allowMethods.join(','),
        'access-control-allow-headers': cors.allowHeaders.join(','),
        ...(cors.maxAge !== undefined ? { 'access-control-max-age': String(cors.maxAge) } : {}),
        ...(cors.allowCredentials ? { 'access-control-allow-credentials': 'true' } : {}),
      };
    },
    onResponse(req: IncomingMessage, headers: Record<string, string>): Record<string, string> {
      if (!cors) return headers;
      const origin = req.headers.origin;
      const allowed = origin ? originFor(origin) : undefined;
      const own = Object.fromEntries(Object.entries(headers).filter(([k]) => !k.toLowerCase().startsWith('access-control-')));
      if (!allowed) return own;
      return {
        ...own,
        'access-control-allow-origin': allowed,
        ...(cors.exposeHeaders.length ? { 'access-control-expose-headers': cors.exposeHeaders.join(',') } : {}),
        ...(cors.allowCredentials ? { 'access-control-allow-credentials': 'true' } : {}),
      };
    },
  };
}

/**
 * The HTTP API of serverless.yml: each `httpApi` event becomes a route, called with the payload v2.0
 * event API Gateway would send. In the gateway's order: a body over 10 MB is refused (413) as soon as
 * that is known, a CORS preflight is answered, an unknown route is 404, a route with an authorizer gets
 * the JWT check (401) and the verified claims in the request context; only then does a Lambda run.
 */
export function httpApi(runtime: LambdaRuntime, issuer: LocalIssuer, localRoutes: Record<string, LocalRoute>, corsConfig: LocalCors | undefined) {
  const routes = runtime.functions.flatMap((fn) => fn.http.map((h) => compile(fn, h)));
  const cors = corsFor(corsConfig);
  return (req: IncomingMessage, res: ServerResponse) => {
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => send(res, status, body, cors.onResponse(req, headers));
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = (req.method ?? 'GET').toUpperCase();
      let body: string;
      try {
        body = await readBody(req);
      } catch (err) {
        if (err instanceof RequestTooLargeError) return reply(413, TOO_LARGE);
        throw err;
      }
      const preflight = cors.preflight(req);
      if (preflight) {
        res.writeHead(204, preflight);
        return res.end();
      }
      const local = localRoutes[`${method} ${url.pathname}`];
      if (local) {
        const out = await local(req, body, url);
        return reply(out.status, out.body);
      }
      let match: RegExpExecArray | null = null;
      const route = routes.find((r) => r.method === method && (match = r.pattern.exec(url.pathname)));
      if (!route || !match) return reply(404, NO_ROUTE);
      const pathParameters: Record<string, string> = {};
      for (const [i, name] of route.params.entries()) {
        const value = decodedOrUndefined(match[i + 1]!);
        if (value === undefined) return reply(400, { error: { code: 'VALIDATION_FAILED', message: `路径参数 ${name} 有误`, fields: { [name]: '百分号编码无效' } } });
        pathParameters[name] = value;
      }
      let authorizer: { jwt: { claims: Record<string, string>; scopes: null } } | undefined;
      if (route.authorizer) {
        const claims = await issuer.authorize(req.headers.authorization);
        if (!claims) return reply(401, UNAUTHORIZED, { 'www-authenticate': 'Bearer' });
        authorizer = { jwt: { claims: claimsAsGatewayGivesThem(claims), scopes: null } };
      }
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : String(v)]));
      const query = queryAsGatewayGivesIt(url.searchParams);
      const event = {
        version: '2.0',
        routeKey: route.routeKey,
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        headers,
        ...(query ? { queryStringParameters: query } : {}),
        ...(route.params.length ? { pathParameters } : {}),
        ...(body ? { body } : {}),
        isBase64Encoded: false,
        requestContext: {
          accountId: 'local',
          apiId: 'local',
          domainName: '127.0.0.1',
          requestId: randomUUID(),
          routeKey: route.routeKey,
          stage: '$default',
          time: new Date().toISOString(),
          timeEpoch: Date.now(),
          http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
          ...(authorizer ? { authorizer } : {}),
        },
      };
      const result = (await runtime.invoke(route.fn, event)) as { statusCode?: number; headers?: Record<string, string>; body?: string } | undefined;
      res.writeHead(result?.statusCode ?? 200, cors.onResponse(req, result?.headers ?? { 'content-type': 'application/json' }));
      res.end(result?.body ?? '');
    })().catch((err: Error) => {
      // A Lambda service error (throttled, failed, injected with --faults) needs one line, not a stack.
      process.stderr.write(`local http api: ${err.name?.startsWith('Lambda.') ? `${err.name}: ${err.message}` : (err.stack ?? err.message)}\n`);
      if (!res.headersSent) reply(500, INTERNAL);
    });
  };
}
