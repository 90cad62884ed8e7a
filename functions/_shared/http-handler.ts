import middy from '@middy/core';
import type { StaffActor } from '../../lib/domain/actor';
import { httpEventSchema, type HttpEvent, type HttpResult } from '../../lib/http/event';
import { admit, bearerToken, routeOf } from '../../lib/http/gate';
import { header, parseWith } from '../../lib/http/request';
import { errorResult } from '../../lib/http/response';
import type { Route } from '../../lib/http/routes';
import { log, logContext } from '../../lib/log';
import type { TokenVerifier } from '../../lib/ports/token-verifier';
import { containerReady, tokenVerifierFromConfig } from './container';

export interface HttpRequest {
  event: HttpEvent;
  /** The staff caller, admitted with one of the route's roles; on public routes always `undefined`. */
  staff: StaffActor | undefined;
}

/**
 * Staff routes carry the claims API Gateway's JWT authorizer verified. Routes without the authorizer
 * (public ones, and those open to residents with a tracking code) verify a bearer token here, against
 * the same issuer and audience; a bad one is 401 there too. Only their functions are given the issuer.
 */
async function verifiedClaims(event: HttpEvent, tokens: TokenVerifier | undefined): Promise<Record<string, unknown> | undefined> {
  const fromGateway = event.requestContext.authorizer?.jwt.claims;
  if (fromGateway) return fromGateway;
  const token = bearerToken(header(event, 'authorization'));
  return token === undefined || tokens === undefined ? undefined : tokens.verify(token);
}

/**
 * Wraps the route named by `operationId` (lib/http/routes.ts): checks the event's shape, then who is
 * calling (401) and whether their role may use the route (403), and only then runs it, so nothing a
 * caller sends is read before they are admitted. Every error is mapped to the public error format.
 */
export function httpHandler(operationId: string, handle: (request: HttpRequest) => Promise<HttpResult>) {
  const route = routeOf(operationId);
  // Read at cold start: a function serving a route that verifies tokens itself fails then without an issuer.
  const tokens = route.access === 'staff' ? undefined : tokenVerifierFromConfig();
  const wrapped = middy<unknown, HttpResult>().use(logContext()).handler(async (raw) => {
    const requestId = (raw as { requestContext?: { requestId?: string } })?.requestContext?.requestId;
    try {
      await containerReady();
      const event = parseWith(httpEventSchema, raw, '事件');
      const staff = admit(route, await verifiedClaims(event, tokens), header(event, 'x-tracking-code'));
      return await handle({ event, staff });
    } catch (err) {
      return errorResult(err, log, requestId);
    }
  });
  // Lets a test check each deployed function serves the route whose access rules it enforces.
  return Object.assign(wrapped, { route: route as Readonly<Route> });
}
