import { hashSecret, newCaseId, newTrackingCode, secretMatches } from '../../../lib/domain/ids';

describe('ids', () => {
  it('dates case ids in Asia/Shanghai', () => {
    expect(newCaseId(new Date('2026-11-22T17:00:00Z'))).toMatch(/^261123-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('draws tracking codes without look-alike letters', () => {
    for (let i = 0; i < 200; i += 1) expect(newTrackingCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
  });

  it('matches a secret by hash, case-insensitively, and nothing else', () => {
    const hash = hashSecret('ABCDEFGHJK');
    expect(secretMatches('abcdefghjk', hash)).toBe(true);
    expect(secretMatches('ABCDEFGHJM', hash)).toBe(false);
    expect(hash).not.toContain('ABCDEFGHJK');
  });
});
