import * as z from 'zod';

/**
 * Every id this API hands out is short ASCII (`261123-7KQ2M`, `W4F9XA`, `2026-11-30-E001`); anything else
 * is refused, before it can reach a key (DynamoDB refuses keys over 2 KB with a 500-shaped error).
 */
export const pathIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, '须为 1–128 位字母、数字、_ 或 -');
