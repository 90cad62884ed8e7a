import { publicListQuery } from '../../lib/contracts/http/wishes';
import { parseWith } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { listPublishedWishes } from '../../lib/use-cases/wishes/list';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps();

export const handler = httpHandler('listPublishedWishes', async ({ event }) => json(200, await listPublishedWishes(deps(), parseWith(publicListQuery, event.queryStringParameters ?? {}, '查询参数'))));
