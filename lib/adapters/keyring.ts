import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import * as z from 'zod';

/**
 * The secret behind phone digests and page cursors: versioned keys (`v1`, `v2`, …) and which one is
 * current. New digests and cursors use the current key; lookups and checks also accept the others, so
 * a rotation never strands a digest-keyed item or a cursor in flight (docs/privacy.md).
 *
 * It lives in SSM Parameter Store (a SecureString) on AWS and in `<data-dir>/secrets.json` locally;
 * handlers install it once per cold start, before the first digest.
 */
const version = z.string().regex(/^v[1-9]\d{0,5}$/);
const secret = z.string().refine((s) => /^[A-Za-z0-9+/]{43}=$/.test(s) && Buffer.from(s, 'base64').length === 32, '32 bytes, base64');

export const keyringSchema = z
  .object({ current: version, keys: z.record(version, secret) })
  .strict()
  .refine((k) => k.current in k.keys, { message: 'the current version has no key', path: ['current'] });

export type Keyring = z.infer<typeof keyringSchema>;

/** What each derived key is for: a key derived for one purpose is useless for the other. */
export type KeyPurpose = 'phone-digest' | 'cursor';

const versionNumber = (v: string) => Number(v.slice(1));

export function newKeyring(): Keyring {
  return { current: 'v1', keys: { v1: randomBytes(32).toString('base64') } };
}

/**
 * Adds the next version without making it current: every instance learns the new key (they re-read
 * the keyring every few minutes) before any digest is made with it.
 */
export function addNextKey(ring: Keyring): Keyring {
  const next = `v${Math.max(...Object.keys(ring.keys).map(versionNumber)) + 1}`;
  return { current: ring.current, keys: { ...ring.keys, [next]: randomBytes(32).toString('base64') } };
}

/** Makes the newest version current; the older keys stay for lookups until the re-key has run. */
export function promoteNewestKey(ring: Keyring): Keyring {
  const newest = Object.keys(ring.keys).sort((a, b) => versionNumber(b) - versionNumber(a))[0]!;
  return { current: newest, keys: ring.keys };
}

/** Only the current key: the last step of a rotation, once nothing is keyed by the others. */
export function retireOldKeys(ring: Keyring): Keyring {
  return { current: ring.current, keys: { [ring.current]: ring.keys[ring.current]! } };
}

/** A keyring ready for use: each purpose's key derived once per version (HKDF-SHA256). */
export class ActiveKeyring {
  private readonly derived = new Map<string, Buffer>();
  /** Current first, then the others newest first: the order lookups try them in. */
  readonly versions: readonly string[];

  constructor(readonly ring: Keyring) {
    keyringSchema.parse(ring);
    this.versions = [ring.current, ...Object.keys(ring.keys).filter((v) => v !== ring.current).sort((a, b) => versionNumber(b) - versionNumber(a))];
  }

  get current(): string {
    return this.ring.current;
  }

  mac(purpose: KeyPurpose, keyVersion: string, data: string): Buffer {
    const id = `${purpose}/${keyVersion}`;
    let key = this.derived.get(id);
    if (!key) {
      const material = this.ring.keys[keyVersion];
      if (!material) throw new Error(`no key ${keyVersion} in the keyring`);
      key = Buffer.from(hkdfSync('sha256', Buffer.from(material, 'base64'), 'minqing', purpose, 32));
      this.derived.set(id, key);
    }
    return createHmac('sha256', key).update(data).digest();
  }
}

let installed: ActiveKeyring | undefined;

/** Installs the keyring for this process (the composition root does, once per cold start). */
export function installKeyring(ring: Keyring): void {
  installed = new ActiveKeyring(ring);
}

/** The installed keyring; using a digest or a cursor before the key is installed is a programming error. */
export function activeKeyring(): ActiveKeyring {
  if (!installed) throw new Error('no keyring installed: await containerReady() before the first phone digest or cursor');
  return installed;
}

export function parseKeyring(json: string): Keyring {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('the keyring is not JSON');
  }
  const parsed = keyringSchema.safeParse(value);
  // The message names what is wrong, never the value (it is the secret).
  if (!parsed.success) throw new Error(`the keyring is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);
  return parsed.data;
}
