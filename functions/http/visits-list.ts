import { z } from 'zod';
import { dayOrInstantSchema, instantOf } from '../../lib/domain/calendar';
import { parseWith, pathIdSchema } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { listVisits } from '../../lib/use-cases/visits/visit-actions';
import { container } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const query = z
  .object({ elderId: pathIdSchema.optional(), volunteerId: pathIdSchema.optional(), from: dayOrInstantSchema.optional(), to: dayOrInstantSchema.optional() })
  .strict()
  .refine((q) => !q.from || !q.to || instantOf(q.from) <= instantOf(q.to), { message: '开始时间须早于结束时间', path: ['from'] });

export const handler = httpHandler(async ({ event, staff }) => json(200, await listVisits(container(), staff, parseWith(query, event.queryStringParameters ?? {}, '查询参数'))));
