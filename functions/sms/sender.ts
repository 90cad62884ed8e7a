import middy from '@middy/core';
import * as z from 'zod';
import { parseWith } from '../../lib/http/request';
import { log, logContext } from '../../lib/log';
import type { OutgoingSms } from '../../lib/ports/messaging';
import { deliverQueued, flushHeld } from '../../lib/use-cases/sms/deliver';
import { containerReady, functionDeps } from '../_shared/container';

const deps = functionDeps();

/** An outbox item's new image, in DynamoDB's attribute-value form (only what delivery reads). */
const string = z.object({ S: z.string().min(1) });
const outboxImageSchema = z.object({
  key: string,
  to: string,
  text: string,
  urgent: z.object({ BOOL: z.boolean() }),
  staleAt: string.optional(),
  audience: z.object({ S: z.enum(['resident', 'staff']) }).optional(),
});
const streamEventSchema = z.object({
  Records: z.array(z.object({ eventID: z.string().optional(), dynamodb: z.object({ SequenceNumber: z.string(), NewImage: z.unknown() }) })).min(1),
});
/** The 07:00 schedule's input (serverless.yml). */
const flushEventSchema = z.object({ flush: z.literal('held') });
const eventSchema = z.union([streamEventSchema, flushEventSchema]);

function messageOf(image: unknown): OutgoingSms | undefined {
  const parsed = outboxImageSchema.safeParse(image);
  if (!parsed.success) return undefined;
  const i = parsed.data;
  return { key: i.key.S, to: i.to.S, text: i.text.S, urgent: i.urgent.BOOL, ...(i.staleAt ? { staleAt: i.staleAt.S } : {}), ...(i.audience ? { audience: i.audience.S } : {}) };
}

/**
 * The one function that publishes SMS. Triggered by the table's stream (INSERTs of queued outbox
 * items, filtered in serverless.yml), it delivers each record in order; at the first failure it stops
 * and reports that record, so Lambda retries from there (ReportBatchItemFailures) and what was
 * delivered before is not touched again. At 07:00 the schedule calls it to flush what
 * quiet hours held.
 */
export const handler = middy().use(logContext()).handler(async (event: unknown) => {
  const parsed = parseWith(eventSchema, event, '短信发送事件');
  await containerReady();
  if ('flush' in parsed) return flushHeld(deps());
  for (const record of parsed.Records) {
    const message = messageOf(record.dynamodb.NewImage);
    if (!message) {
      // Retrying cannot mend a malformed item: it is logged (without its content) and passed over.
      log.error('outbox record unreadable', { eventId: record.eventID, sequenceNumber: record.dynamodb.SequenceNumber });
      continue;
    }
    try {
      await deliverQueued(deps(), message);
    } catch (err) {
      log.warn('sms delivery failed; the stream retries from this record', { key: message.key, error: err });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb.SequenceNumber }] };
    }
  }
  return { batchItemFailures: [] };
});
