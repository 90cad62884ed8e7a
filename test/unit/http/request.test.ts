import { AppError } from '../../../lib/errors';
import type { HttpEvent } from '../../../lib/http/event';
import { MAX_BODY_BYTES, parseJsonBody } from '../../../lib/http/request';
import { submitCaseCommand } from '../../../lib/contracts/http/cases';

const event = (body: string | undefined, contentType = 'application/json'): HttpEvent => ({
  rawPath: '/v1/cases',
  headers: { 'content-type': contentType },
  ...(body !== undefined ? { body } : {}),
  isBase64Encoded: false,
  requestContext: { http: { method: 'POST' } },
});

const valid = {
  category: 'road-damage',
  description: '路面塌陷',
  location: { gridId: 'G01' },
  reporter: { phone: '13800138000' },
};

function rejection(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('parseJsonBody with the submit-case command', () => {
  it('accepts a valid report and fills defaults', () => {
    expect(parseJsonBody(event(JSON.stringify(valid)), submitCaseCommand)).toMatchObject({
      channel: 'web',
      anonymous: false,
      reporter: { phone: '+8613800138000' },
    });
  });

  it.each([
    ['malformed JSON', event('{"category":'), 400, 'MALFORMED_JSON', '(body)'],
    ['an empty body', event(undefined), 400, 'EMPTY_BODY', '(body)'],
    ['a missing field', event(JSON.stringify({ ...valid, category: undefined })), 400, 'VALIDATION_FAILED', 'category'],
    ['a wrong type', event(JSON.stringify({ ...valid, location: { lat: '38.5', lng: 102 } })), 400, 'VALIDATION_FAILED', 'location.lat'],
    ['an empty location', event(JSON.stringify({ ...valid, location: {} })), 400, 'VALIDATION_FAILED', 'location'],
    ['a bad phone', event(JSON.stringify({ ...valid, reporter: { phone: '110' } })), 400, 'VALIDATION_FAILED', 'reporter.phone'],
    ['an unknown field', event(JSON.stringify({ ...valid, priority: 'emergency' })), 400, 'VALIDATION_FAILED', 'priority'],
    ['an oversize body', event(JSON.stringify({ ...valid, description: '很'.repeat(MAX_BODY_BYTES) })), 413, 'PAYLOAD_TOO_LARGE', undefined],
    ['a form body', event('a=1', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE', undefined],
  ])('rejects %s', (_label, input, status, code, field) => {
    const err = rejection(() => parseJsonBody(input, submitCaseCommand));
    expect(err.statusCode).toBe(status);
    expect(err.code).toBe(code);
    if (field) expect(Object.keys(err.fields ?? {})).toContain(field);
  });
});
