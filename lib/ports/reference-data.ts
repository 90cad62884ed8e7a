import type { Category, Department, Grid, Staff } from '../domain/reference';

/** Slow-changing reference data: categories, grids, departments, staff contacts. */
export interface ReferenceData {
  categories(): Promise<Category[]>;
  grids(): Promise<Grid[]>;
  departments(): Promise<Department[]>;
  staff(staffId: string): Promise<Staff | undefined>;
}
