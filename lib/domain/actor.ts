import { z } from 'zod';
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

export function requireStaff(actor: StaffActor | undefined): StaffActor {
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

/** Whether a staff member may see a case in this grid, dispatched to this department. */
export function staffCovers(actor: StaffActor, scope: { gridId?: string; departmentId?: string }): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'grid-worker':
      return scope.gridId !== undefined && actor.grids.includes(scope.gridId);
    case 'department':
      return scope.departmentId !== undefined && actor.departmentId === scope.departmentId;
    default:
      return false;
  }
}
