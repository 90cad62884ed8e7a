import { parseWith, pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { describeWorkflow, startableName } from '../../lib/use-cases/admin-workflows';
import { container } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

export const handler = httpHandler('getWorkflowExecution', async ({ event, staff }) =>
  json(200, await describeWorkflow(container(), staff, parseWith(startableName, pathParam(event, 'name'), '工作流名称'), pathParam(event, 'executionId'))),
);
