import * as z from 'zod';
import { CONSOLE_URL_MAX } from './domain/sms-text';

/**
 * Parses configuration once, at cold start, and fails fast naming every missing or bad variable.
 */
export function parseConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const names = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${names.join('; ')}`);
  }
  return result.data;
}

/**
 * `CONSOLE_URL`: the console's public base URL (http(s), no path, at most CONSOLE_URL_MAX characters so
 * that every text pointing to it fits one SMS segment). Empty or unset: the texts name the service
 * instead of linking to it.
 */
export const consoleUrlSchema = z
  .union([
    z.literal(''),
    z
      .string()
      .url()
      .regex(/^https?:\/\/[^/?#\s]+\/?$/, 'must be an http(s) origin without a path')
      .transform((url) => url.replace(/\/+$/, ''))
      .refine((url) => url.length <= CONSOLE_URL_MAX, `must be at most ${CONSOLE_URL_MAX} characters (a link must fit one SMS)`),
  ])
  .optional()
  .transform((url) => url || undefined);
