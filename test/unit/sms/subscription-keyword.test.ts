import fc from 'fast-check';
import { parseSubscriptionKeyword } from '../../../lib/use-cases/sms-inbound';

describe('parseSubscriptionKeyword', () => {
  it.each(['退订', 'TD', 'td', 'Td', 'T', 't', 'STOP', 'stop', 'Stop', 'N', 'n', ' 退订 ', 'ＴＤ', 'ｔｄ', 'ＳＴＯＰ', 'Ｎ', '\u3000TD\u3000', '退订。', 'STOP!', 'td！'])('%j opts out', (text) => {
    expect(parseSubscriptionKeyword(text)).toBe('opt-out');
  });

  it.each(['订阅', ' 订阅 ', '订阅。'])('%j opts back in', (text) => {
    expect(parseSubscriptionKeyword(text)).toBe('opt-in');
  });

  it.each(['1', '满意', '到', '收到', 'W3K9QX', 'TDD', 'NO', 'STOPP', '不退订', '退订吧', 'T D', '', '好的谢谢'])('%j is no keyword', (text) => {
    expect(parseSubscriptionKeyword(text)).toBeUndefined();
  });

  it('never takes a message that contains other letters or digits for a keyword', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (text) => {
        const result = parseSubscriptionKeyword(text);
        if (result === undefined) return;
        const letters = text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
        expect(['退订', 'TD', 'T', 'STOP', 'N', '订阅']).toContain(letters);
      }),
    );
  });
});
