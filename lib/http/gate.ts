import { staffFromClaims, type StaffActor } from '../domain/actor';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { API_ROUTES, type Route } from './routes';

/** The route a handler serves, by its operationId; an unknown one fails the cold start, not a request. */
export function routeOf(operationId: string): Route {
  const route = API_ROUTES.find((r) => r.operationId === operationId);
  if (!route) throw new Error(`no route has operationId ${operationId}`);
  return route;
}

/**
 * The token of an `Authorization: Bearer <jwt>` header, `undefined` without the header. Any other
 * value is 401, on every route, public ones included: a client that believes it is signed in must
 * learn that it is not, as API Gateway's authorizer tells it on staff routes.
 */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined || authorization.trim() === '') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) throw new UnauthenticatedError('登录凭证格式有误，须为 Bearer 令牌');
  return match[1];
}

/**
 * Who may use this route at all, decided before anything the caller sent is read: a staff route needs
 * a staff token (401), a staff caller needs one of the route's roles (403, on routes open to residents
 * too), and a resident route needs a token or a tracking code (401). Whether the caller may touch the
 * record named in the path (scope) is the use case's, which decides it before it reads the body.
 *
 * `claims` are verified already (by the gateway's authorizer, or by the handler's verifier). Public
 * routes do not read a role: a verified token without one is simply not staff there.
 */
export function admit(route: Pick<Route, 'access' | 'roles'>, claims: Record<string, unknown> | undefined, trackingCode: string | undefined): StaffActor | undefined {
  if (route.access === 'public') return undefined;
  const staff = staffFromClaims(claims);
  if (!staff) {
    if (route.access === 'staff') throw new UnauthenticatedError('需要登录凭证');
    if (!trackingCode) throw new UnauthenticatedError('需要登录凭证或查询码');
    return undefined;
  }
  if (!route.roles?.includes(staff.role)) throw new ForbiddenError('您的角色不能使用此功能');
  return staff;
}
