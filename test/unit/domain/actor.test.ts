import { staffFromClaims } from '../../../lib/domain/actor';
import { staffCovers } from '../../../lib/domain/policy';
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

describe('staffCovers', () => {
  const gridWorker = staffFromClaims({ sub: 'g', 'cognito:groups': '[grid-worker]', 'custom:grids': 'G01' })!;
  const department = staffFromClaims({ sub: 'd', 'cognito:groups': '[department]', 'custom:department': 'water' })!;
  const admin = staffFromClaims({ sub: 'a', 'cognito:groups': '[admin]' })!;
  const volunteer = staffFromClaims({ sub: 'v', 'cognito:groups': '[volunteer]', 'custom:volunteerId': 'V1' })!;

  it.each([
    ['grid worker, own grid', gridWorker, { gridId: 'G01' }, true],
    ['grid worker, other grid', gridWorker, { gridId: 'G02' }, false],
    ['grid worker, unrouted case', gridWorker, {}, false],
    ['department, dispatched to it', department, { gridId: 'G09', departmentId: 'water' }, true],
    ['department, not dispatched to it', department, { gridId: 'G01', departmentId: 'power' }, false],
    ['department, not yet dispatched', department, { gridId: 'G01' }, false],
    ['admin, anything', admin, { gridId: 'G05' }, true],
    ['volunteer, a case', volunteer, { gridId: 'G01' }, false],
  ])('%s → %s', (_label, actor, scope, expected) => {
    expect(staffCovers(actor, scope)).toBe(expected);
  });
});
