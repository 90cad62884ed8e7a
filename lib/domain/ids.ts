import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { toShanghaiIso } from './calendar';

/** Crockford-style alphabet without I, L, O, U: nothing a resident can misread on a phone screen. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function randomCode(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/**
 * Case ids double as the short reference printed in SMS: `YYMMDD-XXXXX`, date in Asia/Shanghai.
 * 32^5 ids a day; a collision is caught by the conditional write and a new id drawn.
 */
export function newCaseId(now: Date): string {
  const local = toShanghaiIso(now);
  return `${local.slice(2, 4)}${local.slice(5, 7)}${local.slice(8, 10)}-${randomCode(5)}`;
}

/** The resident's secret for reading their case; only its hash is stored. */
export function newTrackingCode(): string {
  return randomCode(10);
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret.trim().toUpperCase()).digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
