import * as z from 'zod';
import { idempotencyKeySchema, submitCaseCommand } from '../../lib/contracts/http/cases';
import { header, parseJsonBody, parseWith } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { submitCase } from '../../lib/use-cases/submit-case';
import { functionDeps } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const deps = functionDeps({ workflows: ['case-lifecycle'] });

export const handler = httpHandler('createCase', async ({ event }) => {
  const command = parseJsonBody(event, submitCaseCommand);
  const idempotencyKey = parseWith(z.object({ 'idempotency-key': idempotencyKeySchema.optional() }), {
    'idempotency-key': header(event, 'idempotency-key'),
  })['idempotency-key'];
  return json(201, await submitCase(deps(), command, idempotencyKey));
});
