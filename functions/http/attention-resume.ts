import { attentionKind } from '../../lib/contracts/http/admin';
import { parseWith, pathParam } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { resumeFromAttention } from '../../lib/use-cases/repair/attention';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps({ workflows: ['case-lifecycle', 'companion-visit', 'wish'] });

export const handler = httpHandler('resumeAttention', async ({ event, staff }) =>
  json(202, await resumeFromAttention(deps(), staff, parseWith(attentionKind, pathParam(event, 'kind'), '事项类型'), pathParam(event, 'id'))),
);
