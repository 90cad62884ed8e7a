import { contractViolation, type ReceivedResponse } from '../../support/openapi-contract';

const JSON_TYPE = 'application/json; charset=utf-8';
const answer = (method: string, path: string, status: number, body: unknown, headers: Record<string, string> = { 'content-type': JSON_TYPE }): ReceivedResponse => ({
  method,
  path,
  status,
  headers: new Headers(headers),
  text: typeof body === 'string' ? body : JSON.stringify(body),
});
const created = { caseId: '261123-ABCDE', trackingCode: 'K7F3Q9', status: 'submitted', priority: 'general', dueAt: '2026-11-30T09:00:00+08:00' };
const error = (code: string) => ({ error: { code, message: '有误' } });

/** The check TestStack.api runs on every answer: it must pass what the document allows and catch what it does not. */
describe('checking an answer against the OpenAPI document', () => {
  it('passes answers the document allows, matched through path templates', () => {
    expect(contractViolation(answer('POST', '/v1/cases', 201, created))).toBeUndefined();
    expect(contractViolation(answer('GET', '/v1/cases/261123-ABCDE', 404, error('NOT_FOUND')))).toBeUndefined();
    expect(contractViolation(answer('POST', '/v1/cases/261123-ABCDE/actions', 409, error('NOT_WAITING')))).toBeUndefined();
    expect(contractViolation(answer('POST', '/v1/cases', 429, error('RATE_LIMITED'), { 'content-type': JSON_TYPE, 'retry-after': '1800' }))).toBeUndefined();
  });

  it('catches a success body missing a field, or carrying one the document does not name', () => {
    const { dueAt: _dropped, ...withoutDue } = created;
    expect(contractViolation(answer('POST', '/v1/cases', 201, withoutDue))).toMatch(/must have required property 'dueAt'/);
    expect(contractViolation(answer('POST', '/v1/cases', 201, { ...created, phone: '13912345678' }))).toMatch(/must NOT have additional properties/);
    expect(contractViolation(answer('POST', '/v1/cases', 201, { ...created, dueAt: '下周' }))).toMatch(/dueAt/);
  });

  it('catches a status the operation does not document', () => {
    expect(contractViolation(answer('GET', '/v1/categories', 404, error('NOT_FOUND')))).toMatch(/status not documented for GET \/v1\/categories/);
    expect(contractViolation(answer('POST', '/v1/elders', 422, error('IDEMPOTENCY_KEY_REUSED')))).toMatch(/status not documented/);
  });

  it('catches an error outside the documented shape, a pinned code that differs, a 429 without Retry-After', () => {
    expect(contractViolation(answer('GET', '/v1/worklist', 401, { message: 'Unauthorized' }))).toMatch(/must have required property 'error'/);
    expect(contractViolation(answer('GET', '/v1/worklist', 401, error('FORBIDDEN')))).toMatch(/must be equal to constant/);
    expect(contractViolation(answer('GET', '/v1/worklist', 400, error('bad request')))).toMatch(/status not documented|pattern/);
    expect(contractViolation(answer('POST', '/v1/cases', 429, error('RATE_LIMITED')))).toMatch(/missing required header Retry-After/);
  });

  it('holds the gateway to the error shape on paths and methods no operation has', () => {
    expect(contractViolation(answer('GET', '/v1/nothing', 404, error('NOT_FOUND')))).toBeUndefined();
    expect(contractViolation(answer('DELETE', '/v1/cases', 404, { message: 'Not Found' }))).toMatch(/must have required property 'error'/);
  });

  it('catches an answer that is not JSON', () => {
    expect(contractViolation(answer('GET', '/v1/grids', 200, '[]', { 'content-type': 'text/plain' }))).toMatch(/content-type text\/plain/);
    expect(contractViolation(answer('GET', '/v1/grids', 200, '<html>'))).toMatch(/not JSON/);
  });
});
