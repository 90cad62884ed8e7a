import { AppError, TooManyRequestsError } from '../errors';
import type { Logger } from '../log';
import type { HttpResult } from './event';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(statusCode: number, body: unknown): HttpResult {
  return { statusCode, headers: JSON_HEADERS, body: JSON.stringify(body) };
}

/**
 * Exposed errors say what was wrong; anything else is a 500 that says nothing internal. A limit answers
 * 429 with `Retry-After` in seconds (RFC 9110), so a client knows when trying again can succeed.
 */
export function errorResult(err: unknown, log: Logger, requestId?: string): HttpResult {
  if (err instanceof AppError && err.expose) {
    const result = json(err.statusCode, { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } });
    return err instanceof TooManyRequestsError ? { ...result, headers: { ...result.headers, 'retry-after': String(err.retryAfterSeconds) } } : result;
  }
  log.error('unhandled error', { requestId, error: err, stack: err instanceof Error ? err.stack : undefined });
  return json(500, { error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试', ...(requestId ? { requestId } : {}) } });
}
