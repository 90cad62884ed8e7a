import { request } from 'node:http';
import { MAX_REQUEST_BYTES } from '../../local/http-util';
import { startTestStack, type TestStack } from '../support/local-stack';

const report = { category: 'road-damage', description: '金水苑门口路面塌陷', location: { address: '金水苑3号楼' }, reporter: { phone: '13912345678' } };

/**
 * The local gateway's own answers, the ones no handler gives: they keep the documented error shape
 * (TestStack.api checks each against the OpenAPI document too), and CORS behaves as API Gateway's.
 */
describe('the local HTTP API gateway', () => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.stop();
  });

  describe('401 on a staff route', () => {
    it('without a token, in the documented shape, naming the scheme', async () => {
      const res = await t.api('GET', '/v1/worklist');
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    });

    it('with a token the issuer did not sign', async () => {
      const res = await t.api('GET', '/v1/worklist', { token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('404 without a route', () => {
    it('for an unknown path', async () => {
      const res = await t.api('GET', '/v1/nothing-here');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    });

    it('for a method the path does not have', async () => {
      const res = await t.api('DELETE', '/v1/categories');
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    });
  });

  describe('413 over the 10 MB payload limit', () => {
    it('answers a streamed body one byte over the limit with 413, not a reset', async () => {
      const res = await t.api('POST', '/v1/cases', { rawBody: 'x'.repeat(MAX_REQUEST_BYTES + 1) });
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: '请求体超过 10 MB' } });
    });

    it('leaves a body of exactly the limit to the route, whose own 16 KB limit answers', async () => {
      const res = await t.api('POST', '/v1/cases', { rawBody: 'x'.repeat(MAX_REQUEST_BYTES) });
      expect(res.status).toBe(413);
      expect(res.body.error.message).not.toBe('请求体超过 10 MB');
    });

    it('answers from the declared Content-Length, before the body has arrived', async () => {
      const url = new URL(t.stack.url);
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, method: 'POST', path: '/v1/cases', headers: { 'content-type': 'application/json', 'content-length': String(MAX_REQUEST_BYTES + 1) } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body });
            req.destroy();
          });
        });
        req.on('error', reject);
        // A kilobyte of the promised ten megabytes, and the request is never finished.
        req.write('x'.repeat(1024));
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: '请求体超过 10 MB' } });
    });
  });

  describe('CORS as API Gateway answers it (provider.httpApi.cors in serverless.yml)', () => {
    const preflight = (path: string, headers: Record<string, string>) => fetch(`${t.stack.url}${path}`, { method: 'OPTIONS', headers });

    it('answers a preflight itself, 204 with what browsers need, before any authorizer or Lambda', async () => {
      // A staff route without a token: reaching the authorizer would be 401, reaching the Lambda 4xx.
      const res = await preflight('/v1/cases/261123-ABCDE/actions', {
        origin: 'https://console.example.cn',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-tracking-code,idempotency-key,authorization',
      });
      expect(res.status).toBe(204);
      expect(await res.text()).toBe('');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-methods')!.split(',').sort()).toEqual(['GET', 'OPTIONS', 'POST']);
      const allowed = res.headers.get('access-control-allow-headers')!.toLowerCase().split(',');
      expect(allowed).toEqual(expect.arrayContaining(['content-type', 'authorization', 'x-tracking-code', 'idempotency-key']));
      expect(res.headers.get('access-control-max-age')).toBe('3600');
    });

    it('sends an OPTIONS that is no preflight (no Origin) to the routes, which have none', async () => {
      const res = await preflight('/v1/categories', { 'access-control-request-method': 'GET' });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    });

    it('adds the allowed origin and exposed headers to answers of requests with an Origin, errors included', async () => {
      const ok = await t.api('GET', '/v1/categories', { headers: { origin: 'https://resident.example.cn' } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('access-control-allow-origin')).toBe('*');
      expect(ok.headers.get('access-control-expose-headers')).toBe('Retry-After');
      const created = await t.api('POST', '/v1/cases', { body: report, headers: { origin: 'https://resident.example.cn' } });
      expect(created.status).toBe(201);
      expect(created.headers.get('access-control-allow-origin')).toBe('*');
      const refused = await t.api('GET', '/v1/worklist', { headers: { origin: 'https://resident.example.cn' } });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('adds nothing to a request without an Origin', async () => {
      const res = await t.api('GET', '/v1/grids');
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('answers a Lambda service failure with a 500 in the documented shape, saying nothing internal', async () => {
    // As `--faults` does: the Lambda service fails the call before the handler runs (a 0.5 draw is a ServiceException).
    const strike = jest.spyOn(t.stack.faults, 'strike').mockImplementation((service) => (service === 'lambda' ? 0.5 : undefined));
    try {
      const res = await t.api('GET', '/v1/categories');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } });
      expect(JSON.stringify(res.body)).not.toMatch(/Lambda|injected|Exception/);
    } finally {
      strike.mockRestore();
    }
  });
});
