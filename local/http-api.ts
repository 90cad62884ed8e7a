import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LambdaRuntime } from './lambda-runtime';
import type { LocalIssuer } from './issuer';
import type { LocalFunction } from './serverless-config';
import { readBody, send } from './http-util';

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
 * The HTTP API of serverless.yml: each `httpApi` event becomes a route, called with the payload v2.0
 * event API Gateway would send. Routes with an authorizer get the JWT check API Gateway performs
 * (401 `{"message":"Unauthorized"}` as it answers) and the verified claims in the request context.
 */
export function httpApi(runtime: LambdaRuntime, issuer: LocalIssuer, localRoutes: Record<string, LocalRoute>) {
  const routes = runtime.functions.flatMap((fn) => fn.http.map((h) => compile(fn, h)));
  return (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = (req.method ?? 'GET').toUpperCase();
      const body = await readBody(req);
      const local = localRoutes[`${method} ${url.pathname}`];
      if (local) {
        const out = await local(req, body, url);
        return send(res, out.status, out.body);
      }
      let match: RegExpExecArray | null = null;
      const route = routes.find((r) => r.method === method && (match = r.pattern.exec(url.pathname)));
      if (!route || !match) return send(res, 404, { message: 'Not Found' });
      const pathParameters: Record<string, string> = {};
      for (const [i, name] of route.params.entries()) {
        const value = decodedOrUndefined(match[i + 1]!);
        if (value === undefined) return send(res, 400, { error: { code: 'VALIDATION_FAILED', message: `路径参数 ${name} 有误`, fields: { [name]: '百分号编码无效' } } });
        pathParameters[name] = value;
      }
      let authorizer: { jwt: { claims: Record<string, string>; scopes: null } } | undefined;
      if (route.authorizer) {
        const claims = await issuer.authorize(req.headers.authorization);
        if (!claims) return send(res, 401, { message: 'Unauthorized' });
        authorizer = { jwt: { claims: claimsAsGatewayGivesThem(claims), scopes: null } };
      }
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : String(v)]));
      const query = url.searchParams.size ? Object.fromEntries(url.searchParams) : undefined;
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
      res.writeHead(result?.statusCode ?? 200, result?.headers ?? { 'content-type': 'application/json' });
      res.end(result?.body ?? '');
    })().catch((err: Error) => {
      // A Lambda service error (throttled, failed, injected with --faults) needs one line, not a stack.
      process.stderr.write(`local http api: ${err.name?.startsWith('Lambda.') ? `${err.name}: ${err.message}` : (err.stack ?? err.message)}\n`);
      if (!res.headersSent) send(res, 500, { message: 'Internal Server Error' });
    });
  };
}
