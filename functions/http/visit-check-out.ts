import { checkOutCommand } from '../../lib/contracts/http/visits';
import { parseJsonBody, pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { checkOut, volunteerIdOf } from '../../lib/use-cases/visits/visit-actions';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps({ workflows: ['companion-visit'] });

// The body is read only once the use case has found the caller is the volunteer who checked in.
export const handler = httpHandler('checkOutVisit', async ({ event, staff }) =>
  json(202, await checkOut(deps(), pathParam(event, 'visitId'), volunteerIdOf(staff), () => parseJsonBody(event, checkOutCommand))),
);
