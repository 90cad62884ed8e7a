import { json } from '../../lib/http/response';
import { listDepartments } from '../../lib/use-cases/list-reference';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps();

export const handler = httpHandler('listDepartments', async () => json(200, await listDepartments(deps())));
