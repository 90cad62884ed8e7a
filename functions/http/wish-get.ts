import { pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { getWish } from '../../lib/use-cases/wishes/list';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps();

export const handler = httpHandler('getWish', async ({ event, staff }) => json(200, await getWish(deps(), staff, pathParam(event, 'wishId'))));
