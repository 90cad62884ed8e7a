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
