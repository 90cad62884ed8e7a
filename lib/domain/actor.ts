import * as z from 'zod';
import { ForbiddenError, UnauthenticatedError } from '../errors';

export const STAFF_ROLES = ['grid-worker', 'department', 'admin', 'volunteer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffActor {
  kind: 'staff';
  sub: string;
  role: StaffRole;
  grids: string[];
  departmentId?: string;
  volunteerId?: string;
}

/** Whoever holds a case's tracking code, or writes from the phone that reported it: its reporter. */
export interface ResidentActor {
  kind: 'resident';
}

/** A wish's beneficiary, known by replying from the phone the wish was recorded with: only that wish is theirs. */
export interface BeneficiaryActor {
  kind: 'beneficiary';
  wishId: string;
}

/** A registered volunteer known by the phone they text from, without a token: they may claim a wish by its code. */
export interface SmsVolunteerActor {
  kind: 'volunteer-by-sms';
  volunteerId: string;
}

/** Everyone who may act on something: staff signed in, and the people who reach us by tracking code or SMS. */
export type Actor = StaffActor | ResidentActor | BeneficiaryActor | SmsVolunteerActor;
export type CaseActor = StaffActor | ResidentActor;
export type WishActor = StaffActor | BeneficiaryActor | SmsVolunteerActor;

/**
 * API Gateway's JWT authorizer hands claims over as strings; an array claim such as
 * `cognito:groups` arrives as `[admin grid-worker]`. Both that and a real array are accepted.
 */
function listClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value.trim() === '') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  'cognito:groups': z.unknown(),
  'custom:grids': z.string().optional(),
  'custom:department': z.string().optional(),
  'custom:volunteerId': z.string().optional(),
});

/** Turns verified JWT claims into the caller's role and scope; `undefined` when there is no token. */
export function staffFromClaims(claims: Record<string, unknown> | undefined): StaffActor | undefined {
  if (!claims) return undefined;
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) throw new UnauthenticatedError('登录凭证缺少必要信息');
  const role = listClaim(parsed.data['cognito:groups']).find((g): g is StaffRole =>
    (STAFF_ROLES as readonly string[]).includes(g),
  );
  if (!role) throw new ForbiddenError('登录凭证没有有效角色');
  const actor: StaffActor = { kind: 'staff', sub: parsed.data.sub, role, grids: listClaim(parsed.data['custom:grids']) };
  if (parsed.data['custom:department']) actor.departmentId = parsed.data['custom:department'];
  if (parsed.data['custom:volunteerId']) actor.volunteerId = parsed.data['custom:volunteerId'];
  return actor;
}

/** 401 without an actor: whoever it is must at least be someone. */
export function requireActor<A extends Actor>(actor: A | undefined): A {
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

export const requireStaff: (actor: StaffActor | undefined) => StaffActor = requireActor;

/** Who took a decision, as records and fingerprints name them (the SMS senders as they always were named). */
export function actorIdOf(actor: Actor): string {
  switch (actor.kind) {
    case 'staff':
      return actor.sub;
    case 'resident':
      return 'resident';
    case 'beneficiary':
      return 'sms-beneficiary';
    case 'volunteer-by-sms':
      return `sms-${actor.volunteerId}`;
  }
}
