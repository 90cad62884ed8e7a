import { api, ok } from '../../api/client';

/** Categories, grids and departments change slowly: read once per page load and shared by every staff screen. */
let categories: ReturnType<typeof loadCategories> | undefined;
let grids: ReturnType<typeof loadGrids> | undefined;
let departments: ReturnType<typeof loadDepartments> | undefined;

const loadCategories = () => ok(api().GET('/v1/categories'));
const loadGrids = () => ok(api().GET('/v1/grids'));
const loadDepartments = () => ok(api().GET('/v1/departments'));

export function categoryList() {
  categories ??= loadCategories().catch((err: unknown) => {
    categories = undefined;
    throw err;
  });
  return categories;
}

export function gridList() {
  grids ??= loadGrids().catch((err: unknown) => {
    grids = undefined;
    throw err;
  });
  return grids;
}

export function departmentList() {
  departments ??= loadDepartments().catch((err: unknown) => {
    departments = undefined;
    throw err;
  });
  return departments;
}

export type Categories = Awaited<ReturnType<typeof loadCategories>>;
export type Grids = Awaited<ReturnType<typeof loadGrids>>;
export type Departments = Awaited<ReturnType<typeof loadDepartments>>;

export const categoryName = (all: Categories | undefined, code: string) => all?.find((c) => c.code === code)?.name ?? code;
export const gridName = (all: Grids | undefined, gridId: string | undefined) => (gridId ? (all?.find((g) => g.gridId === gridId)?.name ?? gridId) : '—');

export const departmentName = (all: Departments | undefined, departmentId: string | undefined) =>
  departmentId ? (all?.find((d) => d.departmentId === departmentId)?.name ?? departmentId) : '尚未派单';
