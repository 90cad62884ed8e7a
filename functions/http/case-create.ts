import { z } from 'zod';
import { header, parseJsonBody, parseWith } from '../../lib/http/request';
import { json } from '../../lib/http/response';
import { submitCase, submitCaseCommand } from '../../lib/use-cases/submit-case';
import { container } from '../_shared/container';
import { httpHandler } from '../_shared/http-handler';

const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8–64 位字母、数字、_ 或 -').optional();

export const handler = httpHandler('createCase', async ({ event }) => {
  const command = parseJsonBody(event, submitCaseCommand);
  const idempotencyKey = parseWith(z.object({ 'idempotency-key': idempotencyKeySchema }), {
    'idempotency-key': header(event, 'idempotency-key'),
  })['idempotency-key'];
  return json(201, await submitCase(container(), command, idempotencyKey));
});
