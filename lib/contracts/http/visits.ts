import * as z from 'zod';
import { dayOrInstantSchema, instantOf } from '../../domain/calendar';
import { phoneSchema } from '../../domain/phone';
import { availabilitySchema } from '../../domain/visits/availability';
import { RISK_TIERS } from '../../domain/visits/plan-week';
import { pathIdSchema } from './path';

const name = z.string().trim().min(1).max(50);
const languages = z.array(z.string().trim().min(1).max(30)).max(5).default(['zh']);

/** `POST /v1/elders`. */
export const registerElderCommand = z
  .object({
    name,
    phone: phoneSchema.optional(),
    gridId: z.string().min(1).max(64),
    address: z.string().trim().min(2).max(200),
    riskTier: z.enum(RISK_TIERS),
    languages,
    preferredGender: z.enum(['F', 'M']).optional(),
    emergencyContact: z.object({ name, phone: phoneSchema }).strict().optional(),
  })
  .strict();
export type RegisterElderCommand = z.infer<typeof registerElderCommand>;

/** `POST /v1/volunteers`. */
export const registerVolunteerCommand = z
  .object({
    name,
    phone: phoneSchema,
    gridId: z.string().min(1).max(64),
    teamId: z.string().min(1).max(64).optional(),
    gender: z.enum(['F', 'M']).optional(),
    languages,
    availability: availabilitySchema,
    maxVisitsPerWeek: z.number().int().min(1).max(7),
    wishes: z.object({ optIn: z.boolean(), interests: z.array(z.string().min(1).max(40)).max(10).default([]), perWeek: z.number().int().min(0).max(10).default(2) }).strict().optional(),
  })
  .strict();
export type RegisterVolunteerCommand = z.infer<typeof registerVolunteerCommand>;

/** `POST /v1/visits/{visitId}/check-out`. */
export const checkOutCommand = z.object({ wellbeing: z.enum(['ok', 'concern']), note: z.string().trim().min(1).max(500) }).strict();
export type CheckOutCommand = z.infer<typeof checkOutCommand>;

/** `GET /v1/visits?elderId=&volunteerId=&from=&to=`. */
export const visitsQuery = z
  .object({ elderId: pathIdSchema.optional(), volunteerId: pathIdSchema.optional(), from: dayOrInstantSchema.optional(), to: dayOrInstantSchema.optional() })
  .strict()
  .refine((q) => !q.from || !q.to || instantOf(q.from) <= instantOf(q.to), { message: '开始时间须早于结束时间', path: ['from'] });
export type VisitsQuery = z.infer<typeof visitsQuery>;
