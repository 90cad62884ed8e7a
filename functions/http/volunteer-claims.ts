import { pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { volunteerClaims } from '../../lib/use-cases/volunteers/own-records';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps();

export const handler = httpHandler('listVolunteerClaims', async ({ event, staff }) => json(200, await volunteerClaims(deps(), staff, pathParam(event, 'volunteerId'))));
