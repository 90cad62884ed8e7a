import * as z from 'zod';

/** One SMS reply as the inbound handler hands it to the use cases (the carrier's number as it came). */
export const inboundSmsSchema = z.object({
  messageId: z.string().min(1),
  from: z.string().min(5),
  text: z.string().max(1000),
});
export type InboundSms = z.infer<typeof inboundSmsSchema>;
