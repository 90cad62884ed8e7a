import type { Category, Department, Grid, Staff } from '../../../lib/domain/reference';
import type { ReferenceData } from '../../../lib/ports/reference-data';
import { copy } from './copy';

export interface ReferenceSeed {
  categories?: Category[];
  grids?: Grid[];
  departments?: Department[];
  staff?: Staff[];
}

/** In the order of their ids, as the table's sort key keeps them. */
const byId = <T>(items: T[], id: (item: T) => string): T[] => copy(items).sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));

/** Reference data a test gives at construction (the demo data by default, see fakePorts). */
export class FakeReferenceData implements ReferenceData {
  constructor(private readonly data: ReferenceSeed) {}

  async categories(): Promise<Category[]> {
    return byId(this.data.categories ?? [], (c) => c.code);
  }

  async grids(): Promise<Grid[]> {
    return byId(this.data.grids ?? [], (g) => g.gridId);
  }

  async departments(): Promise<Department[]> {
    return byId(this.data.departments ?? [], (d) => d.departmentId);
  }

  async staff(staffId: string): Promise<Staff | undefined> {
    return copy(this.data.staff?.find((s) => s.staffId === staffId));
  }
}
