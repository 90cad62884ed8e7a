import { caseActionSchema } from '../../lib/contracts/http/cases';
import { secretMatches } from '../../lib/domain/ids';
import { header, parseJsonBody, pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { actOnCase } from '../../lib/use-cases/case/act';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps({ workflows: ['case-lifecycle'] });

export const handler = httpHandler('actOnCase', async ({ event, staff }) => {
  const caseId = pathParam(event, 'caseId');
  const trackingCode = header(event, 'x-tracking-code');
  const actor = staff ?? (trackingCode ? { kind: 'resident' as const } : undefined);
  const proof = trackingCode ? { trackingCodeMatches: (r: { trackingCodeHash: string }) => secretMatches(trackingCode, r.trackingCodeHash) } : undefined;
  // The body is read only once the use case has found the caller in scope of this case.
  return json(202, await actOnCase(deps(), caseId, actor, () => parseJsonBody(event, caseActionSchema), proof));
});
