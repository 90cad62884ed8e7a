import { json } from '../../lib/http/response';
import { listGrids } from '../../lib/use-cases/list-reference';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps();

export const handler = httpHandler('listGrids', async () => json(200, await listGrids(deps())));
