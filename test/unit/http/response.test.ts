import { ConflictError, TooManyRequestsError } from '../../../lib/errors';
import { errorResult } from '../../../lib/http/response';
import type { Logger } from '../../../lib/log';

const silent = { error: () => undefined } as unknown as Logger;

describe('errorResult', () => {
  it('answers a limit with 429, Retry-After in whole seconds and the documented error shape', () => {
    const result = errorResult(new TooManyRequestsError('该手机号提交诉求过于频繁', 1799.2), silent);
    expect(result.statusCode).toBe(429);
    expect(result.headers['retry-after']).toBe('1800');
    expect(result.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(result.body)).toEqual({ error: { code: 'RATE_LIMITED', message: '该手机号提交诉求过于频繁' } });
  });

  it('adds no Retry-After to other errors', () => {
    const result = errorResult(new ConflictError('已处理', 'NOT_WAITING'), silent);
    expect(result.statusCode).toBe(409);
    expect(result.headers).not.toHaveProperty('retry-after');
  });
});
