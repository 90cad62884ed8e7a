import { pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { checkIn, volunteerIdOf } from '../../lib/use-cases/visits/visit-actions';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps();

export const handler = httpHandler('checkInVisit', async ({ event, staff }) => json(202, await checkIn(deps(), pathParam(event, 'visitId'), volunteerIdOf(staff))));
