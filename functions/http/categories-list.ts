import { json } from '../../lib/http/response';
import { listCategories } from '../../lib/use-cases/list-reference';
import { container } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

export const handler = httpHandler('listCategories', async () => json(200, await listCategories(container())));
