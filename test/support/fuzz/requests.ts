import fc from 'fast-check';
import { schemasOf } from '../../../lib/http/route-schemas';
import type { Route } from '../../../lib/http/routes';
import { brokenBody, jsonSchemaOf } from './broken-body';
import { COMMON_QUERY_NAMES, contentTypes, hostilePathSegment, hostileQueryValue, idempotencyKeys, nonObjectBody, trackingCodes, wellFormedUnknownId } from './hostile-values';

/** One request as it goes on the wire: the path and query already encoded, headers as latin1 bytes. */
export interface HostileRequest {
  operationId: string;
  method: string;
  path: string;
  /** An array value sends the header once per item (a repeated header). */
  headers: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Who the bearer token (if any) stands for: `anonymous`, a role, or a kind of bad token. */
  caller: string;
}

export interface FuzzContext {
  /**
   * `caller name → Authorization header value` (none for `anonymous`) and how often to pick it: valid
   * tokens of every role, so hostile input reaches the checks behind authorization, and bad ones.
   */
  callers: Record<string, { authorization: string | undefined; weight: number }>;
  /**
   * Ids of records that exist, per path parameter (`caseId → [a real case]`): hostile input then
   * reaches the checks behind the lookup. Only on routes whose body is read and broken.
   */
  existingIds: Record<string, string[]>;
  /**
   * Valid values of path parameters that choose what a route does (`name → the startable workflows`).
   * On a POST without a body schema only with a body that is not a JSON object, which every such input refuses.
   */
  validNames: Record<string, string[]>;
  /** Query values that exist (`elderId → E001`). */
  realQueryValues: Record<string, string[]>;
  /** Tracking codes of real cases, among the junk. */
  realTrackingCodes: string[];
}

const own = (values: Record<string, string[]>, name: string) => (Object.hasOwn(values, name) ? values[name]! : []);
const pathParamsOf = (route: Route) => [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

function queryString(route: Route, ctx: FuzzContext): fc.Arbitrary<string> {
  const { query } = schemasOf(route.operationId);
  const documented = query ? Object.keys((jsonSchemaOf(query) as { properties?: object }).properties ?? {}) : [];
  const names = [...new Set([...documented, ...COMMON_QUERY_NAMES])];
  const value = (name: string) => {
    // `constructor` and `__proto__` are among the names: `own` looks up own entries only.
    const real = own(ctx.realQueryValues, name);
    return real.length ? fc.oneof(hostileQueryValue, fc.constantFrom(...real)) : hostileQueryValue;
  };
  const pair = fc.constantFrom(...names).chain((name) => value(name).map((v) => [name, v] as const));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.array(pair, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.constantFrom('', '&', '&&', '&=', '&a[b]=1', '&%ZZ=%ZZ', '&x=%E0%A4'))
        .map(([pairs, repeat, tail]) => {
          // A repeated parameter (`from=a&from=b`): API Gateway joins the values with a comma.
          const all = repeat ? [...pairs, pairs[0]!] : pairs;
          return `?${all.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}${tail}`;
        }),
    },
  );
}

/**
 * Hostile requests for one route of the table: paths, queries, headers and bodies, as every caller.
 * Invariant: none of them is a valid request that could write. A route with a body schema always
 * gets a body that schema refuses; a POST without one never names a real record, and names a real
 * workflow or kind only with a body that is not a JSON object (every such input is an object).
 */
export function hostileRequests(route: Route, ctx: FuzzContext): fc.Arbitrary<HostileRequest> {
  const params = pathParamsOf(route);
  const method = route.method.toUpperCase();
  const schema = schemasOf(route.operationId).body;
  const writesWithoutBody = route.method === 'post' && !schema;
  const body: fc.Arbitrary<string | Buffer | undefined> = schema
    ? fc.oneof({ weight: 5, arbitrary: brokenBody(schema) }, { weight: 2, arbitrary: nonObjectBody })
    : route.method === 'post'
      ? fc.option(nonObjectBody, { nil: undefined, freq: 3 })
      : fc.option(nonObjectBody, { nil: undefined, freq: 1 });
  return body.chain((b) => {
    const noJsonObject = b !== undefined && b.length > 0;
    const segment = (name: string) => {
      const real = writesWithoutBody ? (noJsonObject ? own(ctx.validNames, name) : []) : [...own(ctx.existingIds, name), ...own(ctx.validNames, name)];
      return real.length ? fc.oneof(hostilePathSegment, wellFormedUnknownId, fc.constantFrom(...real)) : fc.oneof(hostilePathSegment, wellFormedUnknownId);
    };
    const path = fc.tuple(...params.map(segment), queryString(route, ctx)).map((values) => {
      const query = values.pop()!;
      let i = 0;
      return route.path.replace(/\{\w+\}/g, () => values[i++]!) + query;
    });
    // Callers of a role the route admits come three times as often: their hostile input reaches validation.
    const weightOf = (name: string, weight: number) => ((route.roles as readonly string[] | undefined)?.includes(name) ? weight * 3 : weight);
    const caller = fc.oneof(...Object.entries(ctx.callers).map(([name, c]) => ({ weight: weightOf(name, c.weight), arbitrary: fc.constant(name) })));
    const headers = fc.record(
      {
        caller,
        contentType: contentTypes,
        idempotencyKey: route.idempotencyKey ? idempotencyKeys : fc.constant(undefined),
        trackingCode: route.access === 'resident-or-staff' ? fc.oneof(trackingCodes, fc.constantFrom(...(ctx.realTrackingCodes.length ? ctx.realTrackingCodes : ['ABCDEFGHJK']))) : trackingCodes,
        repeatTrackingCode: fc.boolean(),
      },
      { requiredKeys: ['caller', 'contentType'] },
    );
    // Now and then a method no route of the table has (the path is the route's): 404/405, never 5xx.
    const anyMethod = fc.oneof({ weight: 15, arbitrary: fc.constant(method) }, { weight: 1, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE') });
    return fc.tuple(path, headers, anyMethod).map(([p, h, m]): HostileRequest => {
      const authorization = ctx.callers[h.caller]!.authorization;
      return {
        operationId: route.operationId,
        method: m,
        path: p,
        headers: {
          ...(authorization !== undefined ? { authorization } : {}),
          ...(h.contentType !== undefined ? { 'content-type': h.contentType } : {}),
          ...(h.idempotencyKey !== undefined ? { 'idempotency-key': h.idempotencyKey } : {}),
          ...(h.trackingCode !== undefined ? { 'x-tracking-code': h.repeatTrackingCode ? [h.trackingCode, h.trackingCode] : h.trackingCode } : {}),
        },
        ...(b !== undefined ? { body: b } : {}),
        caller: h.caller,
      };
    });
  });
}
