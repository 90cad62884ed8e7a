import type { RegisterElderCommand, RegisterVolunteerCommand } from '../../contracts/http/visits';
import { requireStaff, type StaffActor } from '../../domain/actor';
import { randomCode } from '../../domain/ids';
import { isCentre, mayManageGrid, requirePermission } from '../../domain/policy';
import { PhoneTakenError, ValidationError } from '../../errors';
import type { Ports } from '../ports';

export type RegisterDeps = Pick<Ports, 'reference' | 'visits'>;

async function gridOf(deps: RegisterDeps, gridId: string) {
  const grid = (await deps.reference.grids()).find((g) => g.gridId === gridId);
  if (!grid) throw new ValidationError('未知的网格', { gridId: `未知网格 ${gridId}` }, 'UNKNOWN_GRID');
  return grid;
}

/**
 * `POST /v1/elders`: the centre, or a grid worker for their own grids. Home is placed at the grid's
 * centre. The grid is named in the body, so it is checked once the body is read; the role was checked
 * before (routes.ts), so only those who may register elders somewhere ever learn the body's shape.
 */
export async function registerElder(deps: RegisterDeps, actor: StaffActor | undefined, command: RegisterElderCommand) {
  const staff = requireStaff(actor);
  requirePermission(mayManageGrid(staff, command.gridId), '只能登记本网格的老人');
  const grid = await gridOf(deps, command.gridId);
  const elderId = `E${randomCode(7)}`;
  const added = await deps.visits.addElder(
    {
      elderId,
      gridId: grid.gridId,
      location: grid.centroid,
      riskTier: command.riskTier,
      languages: command.languages,
      ...(command.preferredGender ? { preferredGender: command.preferredGender } : {}),
    },
    {
      name: command.name,
      address: command.address,
      ...(command.phone ? { phone: command.phone } : {}),
      ...(command.emergencyContact ? { emergencyContact: command.emergencyContact } : {}),
    },
  );
  if (!added) throw new PhoneTakenError('elder');
  return { elderId };
}

/** `POST /v1/volunteers`: the centre registers volunteers (their phone then works for SMS check-in). */
export async function registerVolunteer(deps: RegisterDeps, actor: StaffActor | undefined, command: RegisterVolunteerCommand) {
  requirePermission(isCentre(requireStaff(actor)), '仅指挥中心可登记志愿者');
  const grid = await gridOf(deps, command.gridId);
  const volunteerId = `V${randomCode(7)}`;
  // The phone is claimed in the same write as the registration: of two at once, one gets it.
  const added = await deps.visits.addVolunteer(
    {
      volunteerId,
      gridId: grid.gridId,
      location: grid.centroid,
      languages: command.languages,
      availability: command.availability,
      maxVisitsPerWeek: command.maxVisitsPerWeek,
      ...(command.teamId ? { teamId: command.teamId } : {}),
      ...(command.gender ? { gender: command.gender } : {}),
      ...(command.wishes ? { wishes: command.wishes } : {}),
    },
    { name: command.name, phone: command.phone },
  );
  if (!added) throw new PhoneTakenError('volunteer');
  return { volunteerId };
}
