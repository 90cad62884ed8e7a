import { STAFF_ROLES, type StaffRole } from '../../../lib/domain/actor';
import { ForbiddenError, UnauthenticatedError } from '../../../lib/errors';
import { admit, bearerToken, routeOf } from '../../../lib/http/gate';
import { API_ROUTES } from '../../../lib/http/routes';

const claimsOf = (role: StaffRole) => ({ sub: `u-${role}`, 'cognito:groups': `[${role}]` });
const outcome = (run: () => unknown) => {
  try {
    const staff = run() as { role: string } | undefined;
    return staff ? `staff:${staff.role}` : 'anonymous';
  } catch (err) {
    return err instanceof UnauthenticatedError ? 401 : err instanceof ForbiddenError ? 403 : String(err);
  }
};

describe('the gate every route passes before its input is read', () => {
  describe.each(API_ROUTES.map((r) => [r.operationId, r] as const))('%s', (_id, route) => {
    it('admits exactly the callers its access and roles allow', () => {
      const observed = {
        nobody: outcome(() => admit(route, undefined, undefined)),
        resident: outcome(() => admit(route, undefined, 'ABCDEFGHJK')),
        ...Object.fromEntries(STAFF_ROLES.map((role) => [role, outcome(() => admit(route, claimsOf(role), undefined))])),
        // A token without a known role is not staff: refused where staff is needed, irrelevant on public routes.
        roleless: outcome(() => admit(route, { sub: 'u-x', 'cognito:groups': '[visitors]' }, undefined)),
      };
      const staffOr = (role: StaffRole) => (route.access === 'public' ? 'anonymous' : route.roles?.includes(role) ? `staff:${role}` : 403);
      expect(observed).toEqual({
        nobody: route.access === 'public' ? 'anonymous' : 401,
        resident: route.access === 'staff' ? 401 : 'anonymous',
        ...Object.fromEntries(STAFF_ROLES.map((role) => [role, staffOr(role)])),
        roleless: route.access === 'public' ? 'anonymous' : 403,
      });
    });
  });

  it('gives every staff and resident-or-staff route at least one role, and public routes none', () => {
    for (const route of API_ROUTES) expect({ id: route.operationId, roles: (route.roles?.length ?? 0) > 0 }).toEqual({ id: route.operationId, roles: route.access !== 'public' });
  });

  it('lets a staff token win over a tracking code sent with it', () => {
    const getCase = routeOf('getCase');
    expect(outcome(() => admit(getCase, claimsOf('volunteer'), 'ABCDEFGHJK'))).toBe(403);
    expect(outcome(() => admit(getCase, claimsOf('admin'), 'ABCDEFGHJK'))).toBe('staff:admin');
  });

  it('knows every operationId and refuses an unknown one', () => {
    for (const route of API_ROUTES) expect(routeOf(route.operationId)).toBe(route);
    expect(() => routeOf('deleteEverything')).toThrow(/deleteEverything/);
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc', 'abc'],
    ['  Bearer   abc  ', 'abc'],
    [undefined, undefined],
    ['', undefined],
    ['   ', undefined],
  ])('%j → %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'abc.def.ghi', 'Token abc'])('%j is 401, not ignored', (header) => {
    expect(() => bearerToken(header)).toThrow(UnauthenticatedError);
  });
});
