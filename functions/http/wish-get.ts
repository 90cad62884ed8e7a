import { pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { getWish } from '../../lib/use-cases/wishes/list';
import { container } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

export const handler = httpHandler('getWish', async ({ event, staff }) => json(200, await getWish(container(), staff, pathParam(event, 'wishId'))));
