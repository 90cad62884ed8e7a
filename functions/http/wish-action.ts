import { wishActionSchema } from '../../lib/contracts/http/wishes';
import { parseJsonBody, pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { actOnWish } from '../../lib/use-cases/wishes/act';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps({ workflows: ['wish', 'wish-claim'] });

// The body is read only once the use case has found the caller in scope of this wish.
export const handler = httpHandler('actOnWish', async ({ event, staff }) =>
  json(202, await actOnWish(deps(), pathParam(event, 'wishId'), staff, () => parseJsonBody(event, wishActionSchema))),
);
