import { registerVolunteerCommand } from '../../lib/contracts/http/visits';
import { parseJsonBody } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { registerVolunteer } from '../../lib/use-cases/visits/register';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps();

export const handler = httpHandler('registerVolunteer', async ({ event, staff }) => json(201, await registerVolunteer(deps(), staff, parseJsonBody(event, registerVolunteerCommand))));
