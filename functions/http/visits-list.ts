import { visitsQuery } from '../../lib/contracts/http/visits';
import { parseWith } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { listVisits } from '../../lib/use-cases/visits/visit-actions';
import { container } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

export const handler = httpHandler('listVisits', async ({ event, staff }) => json(200, await listVisits(container(), staff, parseWith(visitsQuery, event.queryStringParameters ?? {}, '查询参数'))));
