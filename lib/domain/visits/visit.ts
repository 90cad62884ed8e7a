import { z } from 'zod';
import { phoneSchema } from '../phone';
import { availabilitySchema } from './availability';
import { RISK_TIERS } from './plan-week';

export const VISIT_STATUSES = ['scheduled', 'reminded', 'checked-in', 'completed', 'missed', 'escalated', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

const name = z.string().trim().min(1).max(50);
const languages = z.array(z.string().trim().min(1).max(30)).max(5).default(['zh']);

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

export const checkOutCommand = z.object({ wellbeing: z.enum(['ok', 'concern']), note: z.string().trim().min(1).max(500) }).strict();

export interface Visit {
  visitId: string;
  weekId: string;
  elderId: string;
  gridId: string;
  volunteerId: string;
  backupVolunteerId?: string;
  windowStart: string;
  windowEnd: string;
  status: VisitStatus;
  /** The token the workflow waits on for check-in or check-out; never leaves the store. */
  waitingFor?: 'check-in' | 'check-out';
  taskToken?: string;
  checkedInAt?: string;
  checkedInBy?: string;
  checkedOutAt?: string;
  wellbeing?: 'ok' | 'concern';
  note?: string;
  version: number;
}

/**
 * Once the welfare alarm has gone out (`escalated`: family told, a welfare-check case opened) the
 * workflow no longer waits for anyone: a late check-in would strand the visit, never to be checked
 * out or credited. The welfare case carries on from there.
 */
export const isPastEscalation = (visit: Pick<Visit, 'status'>) => visit.status === 'escalated';

/** Points a completed visit earns: recorded once, from the event itself, never typed in. */
export const POINTS_PER_VISIT = 10;
/** How long after the window a check-in still counts. (The welfare-check and check-out waits are in lib/domain/deadlines.ts.) */
export const CHECK_IN_GRACE_MINUTES = 30;
