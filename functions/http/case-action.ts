import { caseActionSchema } from '../../lib/domain/case-actions';
import { secretMatches } from '../../lib/domain/ids';
import { header, parseJsonBody, pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { actOnCase } from '../../lib/use-cases/case/act';
import { container } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

export const handler = httpHandler(async ({ event, staff }) => {
  const action = parseJsonBody(event, caseActionSchema);
  const trackingCode = header(event, 'x-tracking-code');
  const actor = staff ?? (trackingCode ? { kind: 'resident' as const } : undefined);
  const proof = trackingCode ? { trackingCodeMatches: (r: { trackingCodeHash: string }) => secretMatches(trackingCode, r.trackingCodeHash) } : undefined;
  return json(202, await actOnCase(container(), pathParam(event, 'caseId'), actor, action, proof));
});
