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
});
