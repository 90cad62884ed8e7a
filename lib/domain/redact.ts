/**
 * Masks personal numbers in free text that a resident (or a log) may see: phone numbers, ID-card
 * numbers and licence plates. Staff write notes like "已联系物业经理陈建华13912345678"; the resident
 * needs to know someone was called, not the number. Each mask keeps enough to recognise one's own
 * (`139****5678`, `0931-****456`, `620***********123X`, `甘C·***45`) and never enough to dial or look up.
 *
 * Numbers are matched only where no other digit (or, for IDs and plates, no letter) touches them, so
 * case references (`261123-7KQ2M`), dates, times, amounts and house numbers pass untouched.
 */

/** Province abbreviations of mainland plates (and 使 for embassy plates). */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使';
const SEP = '[ \\-]';

/** 18-digit resident ID, optionally grouped 6-8-4 by spaces; the last character may be X. */
const ID_CARD = /(?<![0-9A-Za-z])([1-9]\d{5}) ?(\d{8}) ?(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;

/**
 * Mainland mobile: 1[3-9] and nine more digits, any of them separated by one space or dash, with an
 * optional +86 / 86 / 0086 / (+86) prefix.
 */
const MOBILE = new RegExp(`(?<![0-9+])(?:(?:\\(\\+?86\\)|(?:\\+|00)?86)${SEP}?)?(1${SEP}?[3-9](?:${SEP}?\\d){9})(?!${SEP}?\\d)`, 'g');

/**
 * Landline with its area code, in brackets or not, then 7–8 digits. Area codes are 010 and 02x, or
 * 0 and three digits from 03xx on (0931), so a number written without a separator splits one way only.
 */
const AREA = '0(?:10|2\\d|[3-9]\\d{2})';
const LANDLINE = new RegExp(`(?<![0-9+])(\\(${AREA}\\)|${AREA})(${SEP}?)([2-9]\\d{6,7})(?![0-9])`, 'g');

/**
 * Plates: province, city letter, optional separator (·, •, ., space, dash), then five characters
 * (ordinary) or six (new energy); the last may be a class character such as 学 or 警.
 */
const PLATE = new RegExp(`(?<![0-9A-Za-z])([${PROVINCES}][A-Za-z])([·•.\\- ]?)([A-Za-z0-9]{4,5}[A-Za-z0-9挂学警港澳领试超])(?![0-9A-Za-z])`, 'gu');

const stars = (n: number) => '*'.repeat(n);

/** Phones, ID-card numbers and plates in `text`, masked; everything else as it was. */
export function maskPersonalNumbers(text: string): string {
  return text
    .replace(ID_CARD, (_m, area: string, birth: string, rest: string) => {
      const all = `${area}${birth}${rest}`;
      return `${all.slice(0, 3)}${stars(11)}${all.slice(-4)}`;
    })
    .replace(MOBILE, (_m, number: string) => {
      const digits = number.replace(/\D/g, '');
      return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
    })
    .replace(LANDLINE, (_m, area: string, sep: string, local: string) => `${area}${sep}${stars(local.length - 3)}${local.slice(-3)}`)
    .replace(PLATE, (_m, prefix: string, sep: string, tail: string) => `${prefix}${sep || '·'}${stars(tail.length - 2)}${tail.slice(-2)}`);
}

/**
 * Tracking codes are ten characters of the Crockford alphabet (no I, L, O, U), which also spares most
 * English words; in logs they are masked whole, as a code is as good as a password.
 */
const TRACKING_CODE = /(?<![0-9A-Za-z])[0-9A-HJKMNP-TV-Z]{10}(?![0-9A-Za-z])/g;

export function maskTrackingCodes(text: string): string {
  return text.replace(TRACKING_CODE, '[code]');
}
