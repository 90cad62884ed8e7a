import type { Actor, BeneficiaryActor, SmsVolunteerActor, StaffActor } from '../../../lib/domain/actor';
import {
  actingVolunteerId,
  isCentre,
  mayApproachWish,
  mayCheckIn,
  mayCheckOut,
  mayManageGrid,
  mayTakeCaseAction,
  mayTakeWishAction,
  requirePermission,
  staffCovers,
  staffMayActOnCase,
  visitsListing,
  wishViewerScope,
  worklistScope,
} from '../../../lib/domain/policy';
import type { VisitStatus } from '../../../lib/domain/visits/visit';
import { ForbiddenError } from '../../../lib/errors';

const staff = (role: StaffActor['role'], over: Partial<StaffActor> = {}): StaffActor => ({ kind: 'staff', sub: role, role, grids: [], ...over });
const admin = staff('admin');
const gridWorker = staff('grid-worker', { grids: ['G01', 'G02'] });
const department = staff('department', { departmentId: 'water' });
const volunteer = staff('volunteer', { volunteerId: 'V1' });
const volunteerWithoutId = staff('volunteer');
const resident: Actor = { kind: 'resident' };
const beneficiary: BeneficiaryActor = { kind: 'beneficiary', wishId: 'W11111' };
const smsVolunteer: SmsVolunteerActor = { kind: 'volunteer-by-sms', volunteerId: 'V2' };

describe('the centre and a grid', () => {
  it.each([
    ['admin', admin, true],
    ['grid worker', gridWorker, false],
    ['department', department, false],
    ['volunteer', volunteer, false],
    ['resident', resident, false],
    ['beneficiary', beneficiary, false],
    ['volunteer by SMS', smsVolunteer, false],
  ])('isCentre(%s) → %s', (_label, actor, expected) => {
    expect(isCentre(actor)).toBe(expected);
  });

  it.each([
    ['admin, any grid', admin, 'G09', true],
    ['grid worker, own grid', gridWorker, 'G02', true],
    ['grid worker, other grid', gridWorker, 'G03', false],
    ['grid worker, no grid named', gridWorker, undefined, false],
    ['department', department, 'G01', false],
    ['volunteer', volunteer, 'G01', false],
  ])('mayManageGrid: %s → %s', (_label, actor, gridId, expected) => {
    expect(mayManageGrid(actor, gridId)).toBe(expected);
  });
});

describe('case scope', () => {
  it.each([
    ['grid worker, own grid', gridWorker, { gridId: 'G01' }, true],
    ['grid worker, other grid', gridWorker, { gridId: 'G03' }, false],
    ['grid worker, unrouted case', gridWorker, {}, false],
    ['department, dispatched to it', department, { gridId: 'G09', departmentId: 'water' }, true],
    ['department, not dispatched to it', department, { gridId: 'G01', departmentId: 'power' }, false],
    ['department, not yet dispatched', department, { gridId: 'G01' }, false],
    ['admin, anything', admin, { gridId: 'G05' }, true],
    ['volunteer, a case', volunteer, { gridId: 'G01' }, false],
  ])('staffCovers: %s → %s', (_label, actor, scope, expected) => {
    expect(staffCovers(actor, scope)).toBe(expected);
  });

  it.each([
    ['department the case is being routed to', department, { gridId: 'G09', awaiting: { step: 'accept' as const, departmentId: 'water' } }, true],
    ['another department than the one routed to', department, { gridId: 'G09', awaiting: { step: 'accept' as const, departmentId: 'power' } }, false],
    ['grid worker of the grid', gridWorker, { gridId: 'G01' }, true],
    ['volunteer', volunteer, { gridId: 'G01', awaiting: { step: 'accept' as const, departmentId: 'water' } }, false],
  ])('staffMayActOnCase: %s → %s', (_label, actor, record, expected) => {
    expect(staffMayActOnCase(actor, record)).toBe(expected);
  });

  const record = { gridId: 'G01', departmentId: 'water' };
  it.each([
    ['grid-check', { admin: true, gridWorker: true, department: false, volunteer: false, resident: false }],
    ['verify', { admin: true, gridWorker: true, department: false, volunteer: false, resident: false }],
    ['accept', { admin: false, gridWorker: false, department: true, volunteer: false, resident: false }],
    ['refuse', { admin: false, gridWorker: false, department: true, volunteer: false, resident: false }],
    ['resolve', { admin: false, gridWorker: false, department: true, volunteer: false, resident: false }],
    ['feedback', { admin: false, gridWorker: false, department: false, volunteer: false, resident: true }],
    ['centre-review', { admin: true, gridWorker: false, department: false, volunteer: false, resident: false }],
  ] as const)('mayTakeCaseAction(%s) on a case of G01 dispatched to water', (action, expected) => {
    const actors = { admin, gridWorker, department, volunteer, resident: { kind: 'resident' as const } };
    const got = Object.fromEntries(Object.entries(actors).map(([name, actor]) => [name, mayTakeCaseAction(actor, action, record)]));
    expect(got).toEqual(expected);
  });

  it('gives a grid worker of another grid and another department no case step', () => {
    const outsider = { gridId: 'G07', departmentId: 'power' };
    expect((['grid-check', 'verify', 'accept', 'refuse', 'resolve'] as const).some((a) => mayTakeCaseAction(gridWorker, a, outsider) || mayTakeCaseAction(department, a, outsider))).toBe(false);
  });
});

describe('worklists', () => {
  it.each([
    ['grid worker', gridWorker, { centre: false, grids: ['G01', 'G02'], departments: [] }],
    ['department', department, { centre: false, grids: [], departments: ['water'] }],
    ['department without one', staff('department'), { centre: false, grids: [], departments: [] }],
    ['admin (with the district)', admin, { centre: true, grids: [], departments: ['district'] }],
    ['volunteer', volunteer, { centre: false, grids: [], departments: [] }],
  ])('worklistScope(%s)', (_label, actor, expected) => {
    expect(worklistScope(actor, 'district')).toEqual(expected);
  });
});

describe('volunteers and visits', () => {
  it.each([
    ['signed-in volunteer', volunteer, 'V1'],
    ['signed-in volunteer without a volunteer id', volunteerWithoutId, undefined],
    ['volunteer by SMS', smsVolunteer, 'V2'],
    ['admin with a volunteer id claim', staff('admin', { volunteerId: 'V9' }), undefined],
    ['beneficiary', beneficiary, undefined],
  ])('actingVolunteerId(%s) → %s', (_label, actor, expected) => {
    expect(actingVolunteerId(actor)).toBe(expected);
  });

  it.each([
    ['volunteer, own visits', volunteer, { volunteerId: 'V1' }, 'allowed'],
    ['volunteer, someone else’s', volunteer, { volunteerId: 'V7' }, 'only-own'],
    ['volunteer, an elder’s', volunteer, {}, 'only-own'],
    ['department', department, { volunteerId: 'V1' }, 'not-for-departments'],
    ['grid worker', gridWorker, { volunteerId: 'V1' }, 'allowed'],
    ['admin', admin, {}, 'allowed'],
  ])('visitsListing: %s → %s', (_label, actor, query, expected) => {
    const listing = visitsListing(actor, query);
    expect(listing.allowed ? 'allowed' : listing.reason).toBe(expected);
  });

  it('shows a grid worker only the visits in their grids, the centre and a volunteer all the store returned', () => {
    const visits = [{ gridId: 'G01' }, { gridId: 'G05' }];
    const shown = (actor: StaffActor) => {
      const listing = visitsListing(actor, { volunteerId: 'V1' });
      return listing.allowed ? visits.filter(listing.shows).map((v) => v.gridId) : [];
    };
    expect([shown(gridWorker), shown(admin), shown(volunteer)]).toEqual([['G01'], ['G01', 'G05'], ['G01', 'G05']]);
  });
});

describe('checking in and out', () => {
  const visit = (over: Partial<{ status: VisitStatus; checkedInBy: string }> = {}) => ({ volunteerId: 'V1', backupVolunteerId: 'V2', status: 'scheduled' as VisitStatus, ...over });
  it.each([
    ['its volunteer', 'V1', visit(), true],
    ['its backup, before the visit is missed', 'V2', visit(), false],
    ['its backup, once missed', 'V2', visit({ status: 'missed' }), true],
    ['its backup, once escalated (refused later as too late)', 'V2', visit({ status: 'escalated' }), true],
    ['another volunteer', 'V3', visit({ status: 'missed' }), false],
    ['whoever checked in already (a repeat)', 'V3', visit({ status: 'checked-in', checkedInBy: 'V3' }), true],
  ])('mayCheckIn: %s → %s', (_label, volunteerId, target, expected) => {
    expect(mayCheckIn(volunteerId, target)).toBe(expected);
  });

  it.each([
    ['who checked in', 'V2', { checkedInBy: 'V2' }, true],
    ['its volunteer, when the backup checked in', 'V1', { checkedInBy: 'V2' }, false],
    ['anyone, before a check-in', 'V1', {}, false],
  ])('mayCheckOut: %s → %s', (_label, volunteerId, target, expected) => {
    expect(mayCheckOut(volunteerId, target)).toBe(expected);
  });
});

describe('wishes', () => {
  const wish = { wishId: 'W11111', gridId: 'G01' };
  const otherWish = { wishId: 'W22222', gridId: 'G05' };

  it.each([
    ['admin', admin, wish, true],
    ['grid worker, the beneficiary’s grid', gridWorker, wish, true],
    ['grid worker, another grid', gridWorker, otherWish, false],
    ['department', department, wish, false],
    ['volunteer (any wish: claiming is open)', volunteer, otherWish, true],
    ['volunteer without a volunteer id', volunteerWithoutId, wish, false],
    ['volunteer by SMS', smsVolunteer, otherWish, true],
    ['beneficiary, own wish', beneficiary, wish, true],
    ['beneficiary, another wish', beneficiary, otherWish, false],
  ])('mayApproachWish: %s → %s', (_label, actor, target, expected) => {
    expect(mayApproachWish(actor, target)).toBe(expected);
  });

  const actions = ['vet', 'claim', 'contact', 'fulfil', 'confirm', 'release', 'withdraw'] as const;
  it.each([
    ['admin', admin, wish, ['vet', 'confirm', 'withdraw']],
    ['grid worker, the beneficiary’s grid', gridWorker, wish, ['vet', 'confirm', 'withdraw']],
    ['grid worker, another grid', gridWorker, otherWish, []],
    ['department', department, wish, []],
    ['volunteer', volunteer, wish, ['claim', 'contact', 'fulfil', 'release']],
    ['volunteer without a volunteer id', volunteerWithoutId, wish, []],
    ['volunteer by SMS', smsVolunteer, wish, ['claim']],
    ['beneficiary, own wish', beneficiary, wish, ['confirm']],
    ['beneficiary, another wish', beneficiary, otherWish, []],
  ])('mayTakeWishAction: %s', (_label, actor, target, expected) => {
    expect(actions.filter((a) => mayTakeWishAction(actor, a, target))).toEqual(expected);
  });

  it.each([
    ['grid worker of its grid', gridWorker, wish, [], 'grid-staff'],
    ['admin', admin, otherWish, [], 'grid-staff'],
    ['grid worker of another grid', gridWorker, otherWish, [{ volunteerId: 'V1' }], undefined],
    ['a claimant', volunteer, wish, [{ volunteerId: 'V1' }], 'claimant'],
    ['a volunteer who has not claimed it', volunteer, wish, [{ volunteerId: 'V3' }], undefined],
    ['a volunteer without an id, unclaimed', volunteerWithoutId, wish, [{ volunteerId: 'V3' }], undefined],
    ['department', department, wish, [], undefined],
  ])('wishViewerScope: %s → %s', (_label, actor, target, claims, expected) => {
    expect(wishViewerScope(actor, target, claims)).toBe(expected);
  });
});

describe('requirePermission', () => {
  const caught = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      return err;
    }
    return undefined;
  };

  it('is a 403 with the caller’s own message on a no, nothing on a yes', () => {
    expect(caught(() => requirePermission(true, 'x'))).toBeUndefined();
    const err = caught(() => requirePermission(false, '仅指挥中心可查看统计'));
    expect(err).toBeInstanceOf(ForbiddenError);
    expect(err).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', message: '仅指挥中心可查看统计' });
  });
});
