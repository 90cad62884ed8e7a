import { shortLocalTime, SMS_SEGMENT, smsText } from '../../../lib/domain/sms-text';
import { DEMO_CATEGORIES, DEMO_GRIDS } from '../../../local/seed/demo-data';

describe('SMS templates', () => {
  const longestCategory = DEMO_CATEGORIES.map((c) => c.name).sort((a, b) => b.length - a.length)[0]!;

  it('fit one segment with the longest demo names', () => {
    const texts = [
      smsText.caseReceived('261122-K7F3Q', 'ABCDEFGHJK'),
      smsText.gridCheckRequested('261122-K7F3Q', longestCategory, DEMO_GRIDS[0]!.name, shortLocalTime(new Date())),
    ];
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(SMS_SEGMENT);
  });

  it('shows Asia/Shanghai wall time', () => {
    expect(shortLocalTime(new Date('2026-11-22T16:05:00Z'))).toBe('11月23日00:05');
  });
});
