import fc from 'fast-check';
import { RawJson } from './json-text';

/** UTF-8 bytes of `s` as a latin1 string: what a client puts on the wire for a header or a path byte by byte. */
export const asWireBytes = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

const pct = (s: string) => encodeURIComponent(s);

/**
 * Path segments as they travel (already percent-encoded where a client would encode): lengths past
 * DynamoDB's 2 KB key limit, unicode and emoji, encodings valid and invalid (overlong, truncated,
 * surrogates), dots, encoded slashes, NUL, names that are special to JavaScript objects.
 */
export const hostilePathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'A'.repeat(129),
    'A'.repeat(2100),
    'A'.repeat(5000),
    pct('案件编号'),
    pct('🙂'),
    pct('👩‍👩‍👧‍👦'),
    pct('Ｇ０１'),
    '%ED%A0%80', // a lone surrogate, UTF-8-encoded: not valid UTF-8
    '%C0%AF', // overlong '/'
    '%E0%A4',
    '%FF%FE',
    '%',
    '%Z',
    '%ZZ',
    '%%41',
    '%41%42%43',
    '%2F',
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e',
    '.',
    '..',
    '...',
    '%00',
    'A%00B',
    '%0A',
    '%20',
    '+',
    '-',
    '_',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    'toString',
    pct("' OR '1'='1"),
    pct('{"S":"x"}'),
    pct('${jndi:ldap://x}'),
    'null',
    'undefined',
    'NaN',
    '-0',
    '1e308',
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(pct),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).map((s) => {
    try {
      return pct(s);
    } catch {
      // A lone surrogate cannot be percent-encoded as UTF-8; send its CESU-8 bytes instead.
      return '%ED%A0%80';
    }
  }),
  fc.integer({ min: 129, max: 3000 }).map((n) => 'x'.repeat(n)),
);

/** Well-formed ids that name nothing: they pass the id check and reach the lookup. */
export const wellFormedUnknownId: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,128}$/),
  fc.constantFrom('261123-ZZZZZ', '999999-00000', 'W000000', '2026-W48-E999', 'E999', 'V999', 'weekly-roster-20261123010000-ZZZZ'),
);

/** Calendar-ish strings a careless parser accepts: impossible dates, bare years, trailing garbage, far future. */
export const hostileDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2026-13-45',
    '2026-02-30',
    '2026-00-00',
    '9999',
    '0000',
    '2026',
    '2026-11',
    '2026-11-30garbage',
    '2026-11-30 ',
    ' 2026-11-30',
    '2026-11-30T25:61:61Z',
    '2026-11-30T00:00:00',
    '2026-11-30T00:00:00+99:99',
    '+275760-09-13',
    '-000001-01-01',
    '275760-09-14',
    '1970-01-01',
    '0001-01-01',
    '9999-12-31',
    '20261130',
    '30/11/2026',
    '2026年11月30日',
    'Infinity',
    'NaN',
    '1e308',
    '-1',
    'now',
    '',
  ),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: -5, max: 99 }), fc.integer({ min: -5, max: 99 })).map(([y, m, d]) => `${y}-${m}-${d}`),
);

const base64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/** Cursors no server handed out: junk, base64 of junk, and forged keys (foreign, oversized, wrong types). */
export const hostileCursor: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'garbage',
    '',
    '=',
    '====',
    'e30', // {}
    base64url('null'),
    base64url('[]'),
    base64url('"x"'),
    base64url('{"pk":"CASE#261123-AAAAA","sk":"META"}'),
    base64url('{"pk":"WISH#W1","sk":"META","gsi2pk":"WISHES#published","gsi2sk":"x"}'),
    base64url(JSON.stringify({ pk: 'A'.repeat(3000), sk: 'META' })),
    base64url(JSON.stringify({ pk: { S: 'x' }, sk: 5 })),
    base64url(JSON.stringify({ k: { pk: 'WISH#W1', sk: 'META' }, q: 'x', sig: 'AAAA' })),
    Buffer.from(JSON.stringify({ pk: 'WISH#W1', sk: 'META' })).toString('base64'),
    'A'.repeat(2001),
    '%ZZ',
  ),
  fc.uint8Array({ minLength: 1, maxLength: 300 }).map((b) => Buffer.from(b).toString('base64url')),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }).map((o) => base64url(JSON.stringify(o))),
);

/** Query values of the wrong type or size, for any parameter. */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  hostileDate,
  hostileCursor,
  fc.constantFrom('0', '-1', '101', '1e3', '1.5', '0x10', 'NaN', 'Infinity', '-0', '99999999999999999999', 'true', '[]', '{}', 'published', 'PUBLISHED', 'grid', 'department', 'category', 'admin'),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer({ min: 2001, max: 6000 }).map((n) => 'q'.repeat(n)),
  wellFormedUnknownId,
);

/** Parameter names to send besides the documented ones: every query any route reads, and junk. */
export const COMMON_QUERY_NAMES = ['from', 'to', 'by', 'cursor', 'limit', 'status', 'category', 'gridId', 'elderId', 'volunteerId', 'to[]', '__proto__', 'constructor', ''];

/**
 * Content types: mostly JSON (so the body is read), else one that is not exactly `application/json`
 * (utf-8) or none at all.
 */
export const contentTypes: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"', 'APPLICATION/JSON') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      undefined,
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/json-seq',
      'application/jsonx',
      'application/problem+json',
      'application/vnd.api+json',
      'text/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      '',
      ';',
      'application/json, text/plain',
      asWireBytes('application/json; charset=中文'),
    ),
  },
);

/** `Idempotency-Key` values outside `[A-Za-z0-9_-]{8,64}`, and a few inside it. */
export const idempotencyKeys: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', 'short', 'k'.repeat(65), 'k'.repeat(4000), 'abc def ghi', 'abcdefgh\t', asWireBytes('幂等键幂等键幂等键'), asWireBytes('🙂🙂🙂🙂🙂🙂🙂🙂'), '../../../../', 'null'),
  fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
  fc.string({ maxLength: 80 }).filter((s) => /^[\t\x20-\x7e]*$/.test(s)),
);

/** `x-tracking-code` junk: wrong length, unicode, huge. */
export const trackingCodes: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', 'ABCDEFGHJK', 'abcdefghjk', '0000000000', 'A'.repeat(4_000), asWireBytes('跟踪码'), asWireBytes('🙂'), 'null', '%00'),
  fc.string({ maxLength: 40 }).filter((s) => /^[\t\x20-\x7e]*$/.test(s)),
);

/**
 * JSON values a schema does not expect in a field: wrong types, numbers DynamoDB cannot store or
 * that no field accepts (1e-131, 1e308, -0, 1e400), NaN-like strings, huge strings and arrays, deep
 * nesting, lone surrogates, emoji, keys special to JavaScript objects.
 */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1e-131,
    -1e-131,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER + 2,
    new RawJson('-0'),
    new RawJson('1e400'),
    new RawJson('-1e400'),
    new RawJson('1'.repeat(400)),
    new RawJson('0.' + '0'.repeat(200) + '1'),
    'NaN',
    'Infinity',
    '-Infinity',
    '-0',
    '1e308',
    '',
    ' ',
    '\ud800',
    '\udfff\ud800',
    'a\u0000b',
    '🙂',
    '👩‍👩‍👧‍👦'.repeat(50),
    '\u202e\u202d',
    '<script>alert(1)</script>',
    [],
    [null],
    {},
    { __proto__: null, constructor: 1 },
    JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  ),
  fc.integer({ min: 2_001, max: 20_000 }).map((n) => '长'.repeat(n)),
  fc.integer({ min: 6, max: 3_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.integer({ min: 50, max: 2_000 }).map((depth) => nested(depth)),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.double(),
);

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Whole bodies that are not a JSON object at all: not JSON, JSON scalars and arrays, empty, invalid UTF-8. */
export const nonObjectBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.constantFrom<string | Buffer>(
    '',
    '   ',
    '\n',
    '{',
    '}',
    '{"a":',
    "{'a':1}",
    '{"a":1}garbage',
    '{"a":1}{"b":2}',
    '\ufeff{}',
    '{}\u0000',
    'undefined',
    'NaN',
    'Infinity',
    '-0',
    '1e400',
    'null',
    'true',
    '0',
    '"x"',
    '"\\ud800"',
    '[]',
    '[{}]',
    '[null]',
    '[' + '['.repeat(5000) + ']'.repeat(5000) + ']',
    '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
    'a=1&b=2',
    '<xml/>',
    Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  ),
  fc.jsonValue({ maxDepth: 2 }).filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }).filter((s) => {
    try {
      const v: unknown = JSON.parse(s);
      return typeof v !== 'object' || v === null || Array.isArray(v);
    } catch {
      return true;
    }
  }),
);
