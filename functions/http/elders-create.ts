import { registerElderCommand } from '../../lib/contracts/http/visits';
import { parseJsonBody } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { registerElder } from '../../lib/use-cases/visits/register';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps();

export const handler = httpHandler('registerElder', async ({ event, staff }) => json(201, await registerElder(deps(), staff, parseJsonBody(event, registerElderCommand))));
