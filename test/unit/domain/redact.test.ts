import fc from 'fast-check';
import { newCaseId, newTrackingCode } from '../../../lib/domain/ids';
import { maskPersonalNumbers, maskTrackingCodes } from '../../../lib/domain/redact';

const digit = fc.constantFrom(...'0123456789');
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
/** Ordinary note text around a number: Chinese words and punctuation, no digit or Latin letter. */
const words = fc
  .array(fc.constantFrom('已联系', '物业经理', '陈建华', '电话', '车主', '身份证', '，', '。', '：', '（', '）', '请回电', '现场', '已修好', ' '), { maxLength: 6 })
  .map((w) => w.join(''));
const inText = <T>(number: fc.Arbitrary<T>) => fc.tuple(words, number, words);
const onlyDigits = (s: string) => s.replace(/\D/g, '');

describe('maskPersonalNumbers', () => {
  it.each([
    ['已联系物业经理陈建华13912345678', '已联系物业经理陈建华139****5678'],
    ['电话 +86 139 1234 5678 请回电', '电话 139****5678 请回电'],
    ['电话139-1234-5678。', '电话139****5678。'],
    ['(+86)13912345678', '139****5678'],
    ['座机0931-8123456', '座机0931-****456'],
    ['座机(010)62345678', '座机(010)*****678'],
    ['身份证620102199003071234', '身份证620***********1234'],
    ['身份证62010219900307123X', '身份证620***********123X'],
    ['车牌甘C·12345', '车牌甘C·***45'],
    ['车牌甘C12345违停', '车牌甘C·***45违停'],
    ['新能源甘AD12345', '新能源甘A·****45'],
    ['教练车甘A1234学', '教练车甘A·***4学'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalNumbers(text)).toBe(masked);
  });

  it('masks every generated mainland mobile, however it is written', () => {
    const mobile = fc.tuple(fc.constantFrom(...'3456789'), digits(9)).map(([second, rest]) => `1${second}${rest}`);
    const written = fc
      .tuple(mobile, fc.constantFrom('', '+86', '86', '0086', '(+86)', '+86 ', '+86-'), fc.constantFrom('plain', 'spaced', 'dashed'))
      .map(([m, prefix, style]) => ({
        m,
        text: prefix + (style === 'plain' ? m : [m.slice(0, 3), m.slice(3, 7), m.slice(7)].join(style === 'spaced' ? ' ' : '-')),
      }));
    fc.assert(
      fc.property(inText(written), ([before, { m, text }, after]) => {
        const out = maskPersonalNumbers(`${before}${text}${after}`);
        expect(onlyDigits(out)).toBe(`${m.slice(0, 3)}${m.slice(-4)}`);
        expect(out).toContain(`${m.slice(0, 3)}****${m.slice(-4)}`);
      }),
    );
  });

  it('masks every generated landline with its area code', () => {
    const area = fc.oneof(fc.constantFrom('010', '021', '022', '023'), fc.tuple(fc.constantFrom(...'3456789'), digits(2)).map(([a, b]) => `0${a}${b}`));
    const local = fc.tuple(fc.constantFrom(...'23456789'), fc.oneof(digits(6), digits(7))).map(([a, b]) => `${a}${b}`);
    const written = fc.tuple(area, local, fc.constantFrom('-', ' ', '', '()')).map(([a, l, sep]) => ({ a, l, text: sep === '()' ? `(${a})${l}` : `${a}${sep}${l}` }));
    fc.assert(
      fc.property(inText(written), ([before, { a, l, text }, after]) => {
        const out = maskPersonalNumbers(`${before}${text}${after}`);
        expect(onlyDigits(out)).toBe(`${a}${l.slice(-3)}`);
      }),
    );
  });

  it('masks every generated 18-digit ID-card number', () => {
    const birth = fc.date({ min: new Date('1920-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
    const id = fc
      .tuple(fc.constantFrom(...'123456789'), digits(5), birth, digits(3), fc.constantFrom(...'0123456789X'), fc.boolean())
      .map(([a, b, date, seq, check, grouped]) => ({ id: `${a}${b}${date}${seq}${check}`, text: grouped ? `${a}${b} ${date} ${seq}${check}` : `${a}${b}${date}${seq}${check}` }));
    fc.assert(
      fc.property(inText(id), ([before, { id: number, text }, after]) => {
        const out = maskPersonalNumbers(`${before}${text}${after}`);
        expect(out).toContain(`${number.slice(0, 3)}***********${number.slice(-4)}`);
        expect(onlyDigits(out)).toBe(onlyDigits(`${number.slice(0, 3)}${number.slice(-4)}`));
      }),
    );
  });

  it('masks every generated plate, ordinary and new-energy', () => {
    const letter = fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ');
    const alnum = fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789');
    const ordinary = fc.array(alnum, { minLength: 5, maxLength: 5 }).map((c) => c.join(''));
    const newEnergy = fc.oneof(
      fc.tuple(fc.constantFrom('D', 'F'), alnum, digits(4)).map((p) => p.join('')),
      fc.tuple(digits(5), fc.constantFrom('D', 'F')).map((p) => p.join('')),
    );
    const plate = fc
      .tuple(fc.constantFrom(...'京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'), letter, fc.constantFrom('', '·', ' ', '-'), fc.oneof(ordinary, newEnergy))
      .map(([province, city, sep, tail]) => ({ head: `${province}${city}`, tail, text: `${province}${city}${sep}${tail}` }));
    fc.assert(
      fc.property(inText(plate), ([before, { head, tail, text }, after]) => {
        const out = maskPersonalNumbers(`${before}${text}${after}`);
        expect(out).not.toContain(tail);
        expect(out).toContain(head);
        expect(out).toContain(`${'*'.repeat(tail.length - 2)}${tail.slice(-2)}`);
      }),
    );
  });

  it('leaves ordinary notes, case refs, dates, times and small numbers untouched', () => {
    const caseRef = fc.date({ min: new Date('2025-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => newCaseId(d));
    const iso = fc.date({ min: new Date('2025-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    const localTime = fc.date({ min: new Date('2025-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => {
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}，${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
    });
    const smallNumber = fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.constantFrom('号楼', '平方米', '元', '户', '单元', '米', '%', '')).map(([n, u]) => `${n}${u}`);
    const piece = fc.oneof(words, caseRef, iso, localTime, smallNumber, fc.constantFrom('路面塌陷约1平方米', '已回填修补', '金水苑3号楼2单元', '拨打12345热线', '下午3点到场'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join('，')), (text) => {
        expect(maskPersonalNumbers(text)).toBe(text);
      }),
    );
  });
});

describe('maskTrackingCodes', () => {
  it('masks every tracking code, alone or in an SMS text', () => {
    fc.assert(
      fc.property(fc.constant(null).map(() => newTrackingCode()), (code) => {
        const out = maskTrackingCodes(`【民情直通】已收到您的诉求，编号261123-7KQ2M，查询码${code}。 x-tracking-code ${code}`);
        expect(out).not.toContain(code);
        expect(out).toContain('261123-7KQ2M');
      }),
    );
  });

  it('leaves case refs, ISO times, wish codes and ordinary words alone', () => {
    const text = '261123-7KQ2M 2026-11-23T01:00:00.000Z W3K9QX VALIDATION_FAILED NOT_WAITING case-lifecycle';
    expect(maskTrackingCodes(text)).toBe(text);
  });
});
