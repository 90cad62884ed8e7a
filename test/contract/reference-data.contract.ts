import type { ReferenceData } from '../../lib/ports/reference-data';
import { DEMO_CATEGORIES, DEMO_DEPARTMENTS, DEMO_GRIDS, DEMO_STAFF } from '../../local/seed/demo-data';

/**
 * The reference data both sides are given: the demo district, which the local seed writes to a table
 * (reference data reaches the table through the seed and operators, not through the port).
 */
export const REFERENCE_SEED = { categories: DEMO_CATEGORIES, grids: DEMO_GRIDS, departments: DEMO_DEPARTMENTS, staff: DEMO_STAFF };

const byId = <T>(items: T[], id: (item: T) => string) => [...items].sort((a, b) => (id(a) < id(b) ? -1 : 1));

/** What every ReferenceData does (lib/ports/reference-data.ts) given the same reference data. */
export function describeReferenceDataContract(name: string, make: () => Promise<ReferenceData>): void {
  describe(`ReferenceData contract: ${name}`, () => {
    it('lists categories, grids and departments whole, in the order of their ids', async () => {
      const reference = await make();
      expect(await reference.categories()).toEqual(byId(REFERENCE_SEED.categories, (c) => c.code));
      expect(await reference.grids()).toEqual(byId(REFERENCE_SEED.grids, (g) => g.gridId));
      expect(await reference.departments()).toEqual(byId(REFERENCE_SEED.departments, (d) => d.departmentId));
    });

    it('finds staff by id, and nobody for an unknown id', async () => {
      const reference = await make();
      const staff = REFERENCE_SEED.staff.find((s) => s.role === 'department')!;
      expect(await reference.staff(staff.staffId)).toEqual(staff);
      expect(await reference.staff('nobody')).toBeUndefined();
    });
  });
}
