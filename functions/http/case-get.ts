import { header, pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { getCase } from '../../lib/use-cases/get-case';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps();

export const handler = httpHandler('getCase', async ({ event, staff }) => {
  const trackingCode = header(event, 'x-tracking-code');
  const viewer = staff ?? (trackingCode ? { kind: 'resident' as const, trackingCode } : undefined);
  return json(200, await getCase(deps(), pathParam(event, 'caseId'), viewer));
});
