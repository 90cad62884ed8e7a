import middy from '@middy/core';
import type * as z from 'zod';
import { ValidationError } from '../../lib/errors';
import { fieldsFromZod } from '../../lib/http/request';
import { log, logContext } from '../../lib/log';
import { containerReady } from './container';

/**
 * Wraps a Step Functions task: validates the payload and lets typed errors through with their `name`,
 * which is what the state's Retry and Catch match.
 */
export function taskHandler<S extends z.ZodType, R>(schema: S, task: (input: z.infer<S>) => Promise<R>) {
  return middy<unknown, R>().use(logContext()).handler(async (payload) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new ValidationError(`invalid task input: ${JSON.stringify(fieldsFromZod(parsed.error))}`, fieldsFromZod(parsed.error));
    try {
      await containerReady();
      return await task(parsed.data);
    } catch (err) {
      log.error('task failed', { error: err });
      throw err;
    }
  });
}
