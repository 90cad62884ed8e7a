import fc from 'fast-check';
import { maskPhone, phoneSchema } from '../../../lib/domain/phone';

describe('phoneSchema', () => {
  it('normalises a mainland mobile to E.164', () => {
    expect(phoneSchema.parse('138 0013-8000')).toBe('+8613800138000');
  });

  it('keeps an E.164 number', () => {
    expect(phoneSchema.parse('+85291234567')).toBe('+85291234567');
  });

  it.each(['12345', '23800138000', '+0123', '1380013800a', ''])('rejects %p', (raw) => {
    expect(phoneSchema.safeParse(raw).success).toBe(false);
  });

  it('accepts every mainland mobile and never lets the full number into its mask', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/), (second, rest) => {
        const raw = `1${second}${rest}`;
        const phone = phoneSchema.parse(raw);
        expect(phone).toBe(`+86${raw}`);
        const masked = maskPhone(phone);
        expect(masked).toBe(`${raw.slice(0, 3)}****${raw.slice(-4)}`);
        expect(masked).not.toContain(raw.slice(3, 7));
      }),
    );
  });
});
