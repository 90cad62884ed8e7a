import { pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { volunteerPoints } from '../../lib/use-cases/volunteers/own-records';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps();

export const handler = httpHandler('getVolunteerPoints', async ({ event, staff }) => json(200, await volunteerPoints(deps(), staff, pathParam(event, 'volunteerId'))));
