import { pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { wishesAwaitingStaff } from '../../lib/use-cases/volunteers/own-records';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps();

export const handler = httpHandler('listGridWishes', async ({ event, staff }) => json(200, await wishesAwaitingStaff(deps(), staff, pathParam(event, 'gridId'))));
