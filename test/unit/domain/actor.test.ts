import { staffFromClaims } from '../../../lib/domain/actor';
import { ForbiddenError, UnauthenticatedError } from '../../../lib/errors';

describe('staffFromClaims', () => {
  it('reads claims as API Gateway passes them (array claims as "[a b]")', () => {
    const actor = staffFromClaims({ sub: 'u1', 'cognito:groups': '[grid-worker]', 'custom:grids': 'G01,G02' });
    expect(actor).toEqual({ kind: 'staff', sub: 'u1', role: 'grid-worker', grids: ['G01', 'G02'] });
  });

  it('reads claims as a verified token holds them (real arrays)', () => {
    const actor = staffFromClaims({ sub: 'u2', 'cognito:groups': ['department'], 'custom:department': 'water' });
    expect(actor).toMatchObject({ role: 'department', departmentId: 'water', grids: [] });
  });

  it('is undefined without claims', () => {
    expect(staffFromClaims(undefined)).toBeUndefined();
  });

  it('refuses a token without a known role', () => {
    expect(() => staffFromClaims({ sub: 'u3', 'cognito:groups': '[visitors]' })).toThrow(ForbiddenError);
  });

  it('refuses a token without a subject', () => {
    expect(() => staffFromClaims({ 'cognito:groups': '[admin]' })).toThrow(UnauthenticatedError);
  });
});
