import { z } from 'zod';
import { parseWith } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { listVisits } from '../../lib/use-cases/visits/visit-actions';
import { container } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const query = z.object({ elderId: z.string().optional(), volunteerId: z.string().optional(), from: z.string().optional(), to: z.string().optional() }).strict();

export const handler = httpHandler(async ({ event, staff }) => json(200, await listVisits(container(), staff, parseWith(query, event.queryStringParameters ?? {}, '查询参数'))));
