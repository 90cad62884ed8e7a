import { z } from 'zod';
import { dayOrInstantSchema, instantOf } from '../../domain/calendar';
import { pathIdSchema } from '../../http/request';

/** `GET /v1/visits?elderId=&volunteerId=&from=&to=`: shared by the handler and the OpenAPI document. */
export const visitsQuery = z
  .object({ elderId: pathIdSchema.optional(), volunteerId: pathIdSchema.optional(), from: dayOrInstantSchema.optional(), to: dayOrInstantSchema.optional() })
  .strict()
  .refine((q) => !q.from || !q.to || instantOf(q.from) <= instantOf(q.to), { message: '开始时间须早于结束时间', path: ['from'] });
