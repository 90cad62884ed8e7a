import { pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { checkIn, volunteerIdOf } from '../../lib/use-cases/visits/visit-actions';
import { container } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

export const handler = httpHandler('checkInVisit', async ({ event, staff }) => json(202, await checkIn(container(), pathParam(event, 'visitId'), volunteerIdOf(staff))));
