import fc from 'fast-check';
import { decodeCursor, encodeCursor } from '../../../lib/adapters/aws/dynamo-cursor';
import { addNextKey, installKeyring, newKeyring, promoteNewestKey, retireOldKeys } from '../../../lib/adapters/keyring';
import { ValidationError } from '../../../lib/errors';

const QUERY = 'wishes#gsi2#PUBLISHED';
const KEY = { pk: null, sk: null, gsi2pk: 'WISHES#PUBLISHED', gsi2sk: null } as const;
const lastKey = { pk: 'WISH#W3K9QX', sk: 'META', gsi2pk: 'WISHES#PUBLISHED', gsi2sk: '2026-11-23T01:00:00.000Z#W3K9QX' };

/** The 400 every bad cursor gets: a validation error naming `cursor`. */
const refused = (cursor: string, query = QUERY) => {
  try {
    decodeCursor(cursor, query, KEY);
  } catch (err) {
    return err instanceof ValidationError && Object.keys(err.fields ?? {}).join() === 'cursor';
  }
  return false;
};

describe('signed page cursors', () => {
  const ring = newKeyring();
  beforeEach(() => installKeyring(ring));

  it('round-trips a cursor this stack signed', () => {
    const cursor = encodeCursor(QUERY, lastKey)!;
    expect(cursor).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(decodeCursor(cursor, QUERY, KEY)).toEqual(lastKey);
    expect(encodeCursor(QUERY, undefined)).toBeUndefined();
  });

  it('refuses a cursor of another query', () => {
    const cursor = encodeCursor(QUERY, lastKey)!;
    expect(refused(cursor, 'wishes#gsi2#CLAIMED')).toBe(true);
  });

  it('refuses a cursor signed by another stack (another secret)', () => {
    installKeyring(newKeyring());
    const foreign = encodeCursor(QUERY, lastKey)!;
    installKeyring(ring);
    expect(refused(foreign)).toBe(true);
  });

  it('refuses a forged cursor: the old unsigned form, an edited payload, a moved signature', () => {
    const cursor = encodeCursor(QUERY, lastKey)!;
    const [payload, version, mac] = cursor.split('.') as [string, string, string];
    const unsigned = Buffer.from(JSON.stringify({ q: QUERY, k: lastKey })).toString('base64url');
    const edited = Buffer.from(JSON.stringify({ q: QUERY, k: { ...lastKey, pk: 'WISH#OTHER1' } })).toString('base64url');
    expect(refused(unsigned)).toBe(true);
    expect(refused(`${edited}.${version}.${mac}`)).toBe(true);
    expect(refused(`${payload}.v9.${mac}`)).toBe(true);
    expect(refused(`${payload}.${version}.${'A'.repeat(22)}`)).toBe(true);
  });

  it('refuses any string that is not a cursor it signed, never throwing anything else', () => {
    const good = encodeCursor(QUERY, lastKey)!;
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.nat(good.length - 1).chain((i) => fc.constantFrom(...'AZaz09_-.').map((c) => good.slice(0, i) + c + good.slice(i + 1)))), (cursor) => {
        fc.pre(cursor !== good);
        expect(refused(cursor)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps cursors signed before a rotation good until the old key is retired', () => {
    const before = encodeCursor(QUERY, lastKey)!;
    const rotated = promoteNewestKey(addNextKey(ring));
    installKeyring(rotated);
    expect(decodeCursor(before, QUERY, KEY)).toEqual(lastKey);
    expect(encodeCursor(QUERY, lastKey)).toContain(`.${rotated.current}.`);
    installKeyring(retireOldKeys(rotated));
    expect(refused(before)).toBe(true);
  });
});
