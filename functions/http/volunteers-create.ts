import { registerVolunteerCommand } from '../../lib/contracts/http/visits';
import { parseJsonBody } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { registerVolunteer } from '../../lib/use-cases/visits/register';
import { container } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

export const handler = httpHandler('registerVolunteer', async ({ event, staff }) => json(201, await registerVolunteer(container(), staff, parseJsonBody(event, registerVolunteerCommand))));
