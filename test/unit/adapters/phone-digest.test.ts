import { createHash } from 'node:crypto';
import { digestUnder, phoneDigest, phoneDigests } from '../../../lib/adapters/aws/dynamo';
import { addNextKey, installKeyring, newKeyring, parseKeyring, promoteNewestKey } from '../../../lib/adapters/keyring';

describe('phoneDigest', () => {
  it('is an HMAC under the installed key, tagged with its version, the same for every writing of a number', () => {
    const ring = newKeyring();
    installKeyring(ring);
    const digest = phoneDigest('+8613912345678');
    expect(digest).toMatch(/^v1\.[0-9a-f]{32}$/);
    expect(phoneDigest('13912345678')).toBe(digest);
    expect(phoneDigest(' 139-1234-5678 ')).toBe(digest);
    expect(phoneDigest('+8613912345679')).not.toBe(digest);
    // Not the old unkeyed hash, and not reproducible without the secret.
    expect(digest).not.toContain(createHash('sha256').update('minqing-phone:+8613912345678').digest('hex').slice(0, 32));
    installKeyring(newKeyring());
    expect(phoneDigest('+8613912345678')).not.toBe(digest);
  });

  it('after a rotation, digests use the new key and lookups try the new key, then the old', () => {
    const ring = newKeyring();
    installKeyring(ring);
    const old = phoneDigest('13912345678');
    // Added, not yet current: digests stay as they were, while lookups already know the new key.
    installKeyring(addNextKey(ring));
    expect(phoneDigest('13912345678')).toBe(old);
    expect(phoneDigests('13912345678')).toHaveLength(2);
    const rotated = promoteNewestKey(addNextKey(ring));
    installKeyring(rotated);
    expect(rotated.current).toBe('v2');
    expect(phoneDigest('13912345678')).toMatch(/^v2\./);
    expect(phoneDigests('13912345678')).toEqual([phoneDigest('13912345678'), old]);
    expect(digestUnder('v1', '13912345678')).toBe(old);
  });

  it('throws before a keyring is installed', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('../../../lib/adapters/aws/dynamo') as typeof import('../../../lib/adapters/aws/dynamo');
      expect(() => fresh.phoneDigest('13912345678')).toThrow(/no keyring installed/);
    });
  });

  it('refuses a malformed keyring without echoing it', () => {
    expect(() => parseKeyring('{"current":"v2","keys":{"v1":"c2VjcmV0"}}')).toThrow(/invalid/);
    expect(() => parseKeyring('{"current":"v2","keys":{"v1":"c2VjcmV0"}}')).not.toThrow(/c2VjcmV0/);
    expect(() => parseKeyring('not json')).toThrow(/not JSON/);
    const ring = newKeyring();
    expect(parseKeyring(JSON.stringify(ring))).toEqual(ring);
  });
});
