import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadServerlessConfig } from '../../../local/serverless-config';

const opts = { stage: 'ci', region: 'ap-southeast-1' };

/** The local gateway's CORS comes from serverless.yml by the framework's rules (checked against `serverless package`). */
describe('provider.httpApi.cors as the local gateway reads it', () => {
  let dir: string;
  const configWith = (cors: string) => {
    const file = join(dir, 'serverless.yml');
    writeFileSync(file, `service: t\nprovider:\n  name: aws\n  httpApi:\n    cors: ${cors}\nfunctions:\n  a:\n    handler: a.handler\n    events:\n      - httpApi: { method: GET, path: /a }\n      - httpApi: { method: PUT, path: /a }\n`);
    return loadServerlessConfig(file, opts).cors;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'minqing-cors-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lets browsers send what this API's clients send, and read Retry-After", () => {
    const cors = loadServerlessConfig(join(resolve(__dirname, '../../..'), 'serverless.yml'), opts).cors!;
    expect(cors.allowOrigins).toEqual(['*']);
    expect(cors.allowHeaders.map((h) => h.toLowerCase())).toEqual(expect.arrayContaining(['content-type', 'authorization', 'x-tracking-code', 'idempotency-key']));
    expect(cors.allowMethods).toEqual(['OPTIONS', 'GET', 'POST']);
    expect(cors.exposeHeaders).toEqual(['Retry-After']);
  });

  it('`cors: true` is the framework default: any origin, its fixed headers, OPTIONS and the methods routes use', () => {
    expect(configWith('true')).toEqual({
      allowOrigins: ['*'],
      allowHeaders: ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token', 'X-Amz-User-Agent', 'X-Amzn-Trace-Id'],
      allowMethods: ['OPTIONS', 'GET', 'PUT'],
      exposeHeaders: [],
      allowCredentials: false,
    });
  });

  it('an object overrides what it names and keeps the defaults for the rest; false turns CORS off', () => {
    expect(configWith("{ allowedOrigins: ['https://a.example.cn'], maxAge: 60 }")).toMatchObject({ allowOrigins: ['https://a.example.cn'], allowMethods: ['OPTIONS', 'GET', 'PUT'], maxAge: 60 });
    expect(configWith('false')).toBeUndefined();
  });
});
