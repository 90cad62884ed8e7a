import * as z from 'zod';
import { STARTABLE_WORKFLOWS, startableName } from '../../lib/contracts/http/admin';
import { parseJsonBody, parseWith, pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { startWorkflow } from '../../lib/use-cases/admin-workflows';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps({ workflows: ['weekly-roster', 'wish-matching', 'reconcile'] });

export const handler = httpHandler('startWorkflow', async ({ event, staff }) => {
  const name = parseWith(startableName, pathParam(event, 'name'), '工作流名称');
  // Each workflow validates its own input (an empty body is `{}`), read once the caller is known to be the centre.
  const input = () => parseWith(STARTABLE_WORKFLOWS[name], event.body ? parseJsonBody(event, z.unknown()) : {}, '工作流输入');
  return json(202, await startWorkflow(deps(), staff, name, input));
});
