import * as z from 'zod';

const MAINLAND = /^1[3-9]\d{9}$/;
const E164 = /^\+[1-9]\d{7,14}$/;

/** A mainland mobile (`13800138000`) or an E.164 number, normalised to E.164. */
export const phoneSchema = z
  .string()
  .trim()
  .transform((raw) => raw.replace(/[\s-]/g, ''))
  .refine((p) => MAINLAND.test(p) || E164.test(p), { message: '须为11位手机号或 E.164 格式号码' })
  .transform((p) => (MAINLAND.test(p) ? `+86${p}` : p));

export type Phone = z.infer<typeof phoneSchema>;

/** `+8613800138000` → `138****8000`: enough to recognise, not enough to dial. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
