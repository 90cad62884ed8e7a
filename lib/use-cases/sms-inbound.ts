import { z } from 'zod';
import { phoneSchema } from '../domain/phone';
import { visitSms } from '../domain/visits/visit-sms';
import { AppError } from '../errors';
import { handleRatingReply } from './case/sms-reply';
import { notifyOnce } from './notify';
import type { VisitDeps } from './visits/deps';
import { checkIn } from './visits/visit-actions';

export const inboundSmsSchema = z.object({
  messageId: z.string().min(1),
  from: z.string().min(5),
  text: z.string().max(1000),
});
export type InboundSms = z.infer<typeof inboundSmsSchema>;

/**
 * Every SMS reply: `到` from a volunteer's phone checks in to their current visit; anything else is a
 * resident rating a case (or gets help). Carriers hand numbers over as `13800138000`,
 * `8613800138000` or `+8613800138000`; they are compared in E.164.
 */
export async function handleInboundSms(deps: VisitDeps, inbound: InboundSms): Promise<'checked-in' | 'rated' | 'helped'> {
  const normalised = phoneSchema.safeParse(inbound.from.replace(/^86(?=1\d{10}$)/, ''));
  const message = { ...inbound, from: normalised.success ? normalised.data : inbound.from };
  if (message.text.replace(/[\s。.!！]/g, '') !== '到') return handleRatingReply(deps, message);
  const reply = (text: string) => notifyOnce(deps, { key: `reply#${message.messageId}`, to: message.from, text, urgent: true });
  const volunteerId = await deps.visits.volunteerByPhone(message.from);
  const visitId = volunteerId ? await deps.visits.checkInPointer(volunteerId) : undefined;
  if (!volunteerId || !visitId) {
    await reply(visitSms.nothingToCheckIn());
    return 'helped';
  }
  try {
    await checkIn(deps, visitId, volunteerId);
  } catch (err) {
    if (!(err instanceof AppError && err.expose)) throw err;
    await reply(visitSms.nothingToCheckIn());
    return 'helped';
  }
  await reply(visitSms.checkedIn(visitId));
  return 'checked-in';
}
