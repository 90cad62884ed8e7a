import { phoneSchema } from '../../../lib/domain/phone';

/**
 * The key a fake stores a phone under: every writing of one number (`139…`, `+86 139…`) is one key, as
 * the adapters' keyed digest makes it (lib/adapters/aws/dynamo.ts phoneDigest); the fakes keep no digest.
 */
export function phoneKey(phone: string): string {
  const parsed = phoneSchema.safeParse(phone);
  return parsed.success ? parsed.data : phone.trim();
}
