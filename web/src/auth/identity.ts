/**
 * Who a token says its holder is, read the way the API reads it (lib/domain/actor.ts): the role from
 * `cognito:groups`, the grids, department and volunteer from the custom claims. The console only uses
 * it to choose screens; the API decides what each call may do.
 */
export type Role = 'admin' | 'grid-worker' | 'department' | 'volunteer';

export interface Identity {
  sub: string;
  role: Role;
  grids: string[];
  department?: string;
  volunteerId?: string;
  /** When the token stops being accepted (ms since the epoch). */
  expiresAt: number;
}

const ROLES: Role[] = ['admin', 'grid-worker', 'department', 'volunteer'];

function payloadOf(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=')), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean) : [];

export function identityOf(token: string): Identity | undefined {
  const claims = payloadOf(token);
  if (!claims) return undefined;
  const role = list(claims['cognito:groups']).find((g): g is Role => (ROLES as string[]).includes(g));
  if (!role || typeof claims.exp !== 'number') return undefined;
  return {
    sub: String(claims.sub ?? ''),
    role,
    grids: list(claims['custom:grids']),
    ...(typeof claims['custom:department'] === 'string' ? { department: claims['custom:department'] } : {}),
    ...(typeof claims['custom:volunteerId'] === 'string' ? { volunteerId: claims['custom:volunteerId'] } : {}),
    expiresAt: claims.exp * 1000,
  };
}

export const ROLE_NAMES: Record<Role, string> = { admin: '指挥中心', 'grid-worker': '网格员', department: '职能部门', volunteer: '志愿者' };
