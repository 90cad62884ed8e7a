import { json } from '../../lib/http/response';
import { listGrids } from '../../lib/use-cases/list-reference';
import { container } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

export const handler = httpHandler('listGrids', async () => json(200, await listGrids(container())));
