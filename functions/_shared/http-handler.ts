import middy from '@middy/core';
import { staffFromClaims, type StaffActor } from '../../lib/domain/actor';
import { httpEventSchema, type HttpEvent, type HttpResult } from '../../lib/http/event';
import { header, parseWith } from '../../lib/http/request';
import { errorResult } from '../../lib/http/response';
import { log } from '../../lib/log';
import { container, containerReady } from './container';

export interface HttpRequest {
  event: HttpEvent;
  /** The verified staff caller, when the route carries a token. */
  staff: StaffActor | undefined;
}

/**
 * Routes open to residents too (reading a case with its tracking code) have no gateway authorizer, so a
 * bearer token there is verified here, against the same issuer and audience.
 */
async function bearerClaims(event: HttpEvent): Promise<Record<string, unknown> | undefined> {
  const match = /^Bearer\s+(\S+)$/i.exec(header(event, 'authorization') ?? '');
  return match?.[1] ? container().tokens.verify(match[1]) : undefined;
}

/**
 * Wraps one HTTP route: validates the event shape, derives the caller from the authorizer's claims,
 * and maps every error to the public error format. Routes stay a few lines each.
 */
export function httpHandler(route: (request: HttpRequest) => Promise<HttpResult>) {
  return middy<unknown, HttpResult>().handler(async (raw) => {
    const requestId = (raw as { requestContext?: { requestId?: string } })?.requestContext?.requestId;
    try {
      await containerReady();
      const event = parseWith(httpEventSchema, raw, '事件');
      const staff = staffFromClaims(event.requestContext.authorizer?.jwt.claims ?? (await bearerClaims(event)));
      return await route({ event, staff });
    } catch (err) {
      return errorResult(err, log, requestId);
    }
  });
}
