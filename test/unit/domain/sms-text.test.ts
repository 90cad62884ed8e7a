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

describe('requests that quiet hours hold past their time', () => {
  it('ask for it as soon as possible instead of naming a time already gone', () => {
    expect(smsText.dispatched('261122-K7F3Q', '道路破损', '第01网格', '11月23日00:40')).toBe('【民情直通】派单261122-K7F3Q（道路破损，第01网格），请于11月23日00:40前签收。');
    expect(smsText.dispatched('261122-K7F3Q', '道路破损', '第01网格')).toBe('【民情直通】派单261122-K7F3Q（道路破损，第01网格），请尽快签收。');
    expect(smsText.gridCheckRequested('261122-K7F3Q', '道路破损', '第01网格')).toContain('请尽快到场核实');
    expect(smsText.reopened('261122-K7F3Q', '道路破损', '第01网格')).toContain('不满意，请尽快签收');
    expect(smsText.acceptedForReporter('261122-K7F3Q', '城市管理局')).toBe('【民情直通】您的诉求261122-K7F3Q已由城市管理局受理，正在办理。');
  });
});
