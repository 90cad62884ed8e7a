import { metricsQuery } from '../../lib/contracts/http/metrics';
import { requireStaff } from '../../lib/domain/actor';
import { parseWith } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { caseMetrics } from '../../lib/use-cases/case/metrics';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps();

export const handler = httpHandler('getMetrics', async ({ event, staff }) => {
  const query = parseWith(metricsQuery, event.queryStringParameters ?? {}, '查询参数');
  return json(200, await caseMetrics(deps(), requireStaff(staff), query));
});
