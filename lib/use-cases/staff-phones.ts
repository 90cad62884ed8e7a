import type { Ports } from './ports';

/*
 * Who to text among staff, looked up in the reference data: every subdomain reaches grid workers and the
 * centre this way (a case's grid check, a wish's vetting, a missed visit, a step waiting for the centre),
 * so it belongs to none of them. Phones are read here and go straight to the outbox.
 */

export async function staffPhone(deps: Pick<Ports, 'reference'>, staffId: string | undefined): Promise<string | undefined> {
  return staffId ? (await deps.reference.staff(staffId))?.phone : undefined;
}

/** The phone of the grid worker of a grid. */
export async function gridWorkerPhone(deps: Pick<Ports, 'reference'>, gridId: string | undefined): Promise<string | undefined> {
  const grid = (await deps.reference.grids()).find((g) => g.gridId === gridId);
  return staffPhone(deps, grid?.workerStaffId);
}

/** The command centre's duty phone. */
export function centrePhone(deps: Pick<Ports, 'reference' | 'centre'>): Promise<string | undefined> {
  return staffPhone(deps, deps.centre.staffId);
}
