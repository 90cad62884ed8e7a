import { z } from 'zod';
import { parseJsonBody, parseWith, pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { startableName, startWorkflow } from '../../lib/use-cases/admin-workflows';
import { container } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

export const handler = httpHandler('startWorkflow', async ({ event, staff }) => {
  const name = parseWith(startableName, pathParam(event, 'name'), '工作流名称');
  const input = event.body ? parseJsonBody(event, z.unknown()) : {};
  return json(202, await startWorkflow(container(), staff, name, input));
});
