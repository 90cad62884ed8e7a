import middy from '@middy/core';
import * as z from 'zod';
import { parseWith } from '../../lib/http/request';
import { logContext } from '../../lib/log';
import { handleInboundSms } from '../../lib/use-cases/sms-inbound';
import { containerReady, functionDeps } from '../_shared/container';

const deps = functionDeps({ workflows: ['case-lifecycle', 'wish', 'wish-claim'] });

/** Two-way SMS: SNS delivers each reply as a JSON message on the inbound topic. */
const snsEventSchema = z.object({
  Records: z.array(z.object({ Sns: z.object({ MessageId: z.string(), Message: z.string() }) })),
});
const replySchema = z.object({ originationNumber: z.string(), messageBody: z.string(), inboundMessageId: z.string().optional() });

export const handler = middy().use(logContext()).handler(async (event: unknown) => {
  await containerReady();
  for (const record of parseWith(snsEventSchema, event, 'SNS 事件').Records) {
    const reply = parseWith(replySchema, JSON.parse(record.Sns.Message), '短信');
    await handleInboundSms(deps(), { messageId: reply.inboundMessageId ?? record.Sns.MessageId, from: reply.originationNumber, text: reply.messageBody });
  }
});
