import fc from 'fast-check';
import { newTrackingCode } from '../../lib/domain/ids';
import { createLogger } from '../../lib/log';

describe('createLogger', () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, logger: createLogger({ service: 't' }, (l) => lines.push(l), 'debug') };
  };

  it('redacts personal fields by name, at any depth', () => {
    const { lines, logger } = capture();
    logger.info('case', { caseId: 'c1', reporter: { phone: '+8613800138000' }, nested: { name: '张三', address: '金水苑3号楼' } });
    const line = lines[0]!;
    expect(line).toContain('c1');
    expect(line).not.toMatch(/13800138000|张三|金水苑/);
  });

  it('masks phone numbers inside free text and errors', () => {
    const { lines, logger } = capture();
    logger.error('failed for 13800138000', { error: new Error('send to +8613800138000 failed') });
    expect(lines[0]).not.toMatch(/13800138000/);
    expect(lines[0]).toContain('138****8000');
  });

  it('writes one JSON object per line', () => {
    const { lines, logger } = capture();
    logger.warn('x', { n: 1 });
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', msg: 'x', n: 1, service: 't' });
  });

  it('redacts secrets by key: tracking codes, authorization, phones, recipients, names and addresses', () => {
    const { lines, logger } = capture();
    const code = newTrackingCode();
    logger.info('request', {
      headers: { 'x-tracking-code': code, authorization: 'Bearer eyJhbGciOi.x.y', 'content-type': 'application/json' },
      body: { trackingCode: code, phone: '0931-8123456', to: '+8613912345678', name: '陈建华', address: '金水苑3号楼' },
    });
    const line = lines[0]!;
    expect(line).not.toMatch(new RegExp(`${code}|eyJhbGciOi|8123456|13912345678|陈建华|金水苑`));
    expect(JSON.parse(line).headers).toEqual({ 'x-tracking-code': '[redacted]', authorization: '[redacted]', 'content-type': 'application/json' });
  });

  it('masks tracking codes, phones, ID-card numbers and plates wherever they appear in text', () => {
    fc.assert(
      fc.property(fc.constant(null).map(() => newTrackingCode()), fc.integer({ min: 3, max: 9 }), fc.nat(99_999_999), (code, second, rest) => {
        const phone = `1${second}${String(rest).padStart(9, '0')}`;
        const { lines, logger } = capture();
        logger.warn(`SMS → 139: 查询码${code}`, { note: `已联系陈师傅 ${phone}，车牌甘C·12345，身份证620102199003071234`, list: [code, `+86 ${phone}`] });
        const line = lines[0]!;
        expect(line).not.toContain(code);
        expect(line).not.toContain(phone);
        expect(line).not.toMatch(/12345|620102199003071234/);
        expect(line).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      }),
    );
  });

  it('masks a foreign E.164 number in text', () => {
    const { lines, logger } = capture();
    logger.info('sent to +4915112345678');
    expect(lines[0]).not.toContain('4915112345678');
  });
});

describe('log in a Lambda invocation (Powertools)', () => {
  const context = (awsRequestId: string) => ({
    awsRequestId,
    functionName: 'minqing-ci-caseSubmit',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:ap-southeast-1:123456789012:function:minqing-ci-caseSubmit',
    memoryLimitInMB: '256',
    getRemainingTimeInMillis: () => 1000,
    callbackWaitsForEmptyEventLoop: false,
  });

  /** A fresh module, as a cold start loads it, with Lambda's environment set; the lines it writes to stdout. */
  async function invokeTwice(): Promise<Array<Record<string, unknown>>> {
    const lines: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand', _X_AMZN_TRACE_ID: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1' });
    try {
      await jest.isolateModulesAsync(async () => {
        const { default: middy } = await import('@middy/core');
        const { log, logContext } = await import('../../lib/log');
        const handler = middy()
          .use(logContext())
          .handler(async () => log.info('case received', { caseId: '261123-7KQ2M', phone: '13800138000' }));
        await handler({}, context('req-1') as never);
        await handler({}, context('req-2') as never);
      });
    } finally {
      process.env = saved;
      write.mockRestore();
    }
    return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  it('carries the request id, the cold start (first invocation only), the function and the trace id, still redacted', async () => {
    const [first, second] = await invokeTwice();
    expect(first).toMatchObject({
      level: 'info',
      msg: 'case received',
      service: 'minqing',
      function_name: 'minqing-ci-caseSubmit',
      function_request_id: 'req-1',
      cold_start: true,
      xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793',
      caseId: '261123-7KQ2M',
      phone: '[redacted]',
    });
    expect(second).toMatchObject({ function_request_id: 'req-2', cold_start: false });
  });

  it('reads LOG_LEVEL in any case, and refuses one it does not know, naming it', async () => {
    const saved = process.env.LOG_LEVEL;
    try {
      process.env.LOG_LEVEL = 'WARN';
      await jest.isolateModulesAsync(async () => {
        const lines: string[] = [];
        const { createLogger } = await import('../../lib/log');
        const logger = createLogger({ service: 't' }, (l) => lines.push(l));
        logger.info('not written');
        logger.warn('written');
        expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['written']);
      });
      process.env.LOG_LEVEL = 'verbose';
      await jest.isolateModulesAsync(async () => {
        await expect(import('../../lib/log')).rejects.toThrow('LOG_LEVEL must be one of debug, info, warn, error');
      });
    } finally {
      if (saved === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = saved;
    }
  });
});
