import { requireStaff } from '../../lib/domain/actor';
import { json } from '../../lib/http/response';
import { worklist } from '../../lib/use-cases/case/worklist';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps();

export const handler = httpHandler('getWorklist', async ({ staff }) => json(200, await worklist(deps(), requireStaff(staff))));
