import { executionIdParam, startableName } from '../../lib/contracts/http/admin';
import { parseWith, pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { describeWorkflow } from '../../lib/use-cases/admin-workflows';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps({ workflows: ['weekly-roster', 'wish-matching', 'reconcile'] });

export const handler = httpHandler('getWorkflowExecution', async ({ event, staff }) => {
  const name = parseWith(startableName, pathParam(event, 'name'), '工作流名称');
  const { executionId } = parseWith(executionIdParam, { executionId: pathParam(event, 'executionId') }, '路径参数');
  return json(200, await describeWorkflow(deps(), staff, name, executionId));
});
