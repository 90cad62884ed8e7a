import { visitsQuery } from '../../lib/contracts/http/visits';
import { parseWith } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { listVisits } from '../../lib/use-cases/visits/visit-actions';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps();

export const handler = httpHandler('listVisits', async ({ event, staff }) => json(200, await listVisits(deps(), staff, parseWith(visitsQuery, event.queryStringParameters ?? {}, '查询参数'))));
