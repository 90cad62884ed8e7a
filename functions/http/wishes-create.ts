import { submitWishCommand } from '../../lib/contracts/http/wishes';
import { parseJsonBody } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { submitWish } from '../../lib/use-cases/wishes/submit';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps({ workflows: ['wish'] });

export const handler = httpHandler('submitWish', async ({ event, staff }) => json(201, await submitWish(deps(), staff, parseJsonBody(event, submitWishCommand))));
