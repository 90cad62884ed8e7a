import { api, ok } from '../../api/client';

/** Categories and grids change slowly: read once per page load and shared by every staff screen. */
let categories: ReturnType<typeof loadCategories> | undefined;
let grids: ReturnType<typeof loadGrids> | undefined;

const loadCategories = () => ok(api().GET('/v1/categories'));
const loadGrids = () => ok(api().GET('/v1/grids'));

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

export type Categories = Awaited<ReturnType<typeof loadCategories>>;
export type Grids = Awaited<ReturnType<typeof loadGrids>>;

export const categoryName = (all: Categories | undefined, code: string) => all?.find((c) => c.code === code)?.name ?? code;
export const gridName = (all: Grids | undefined, gridId: string | undefined) => (gridId ? (all?.find((g) => g.gridId === gridId)?.name ?? gridId) : '—');

/**
 * The departments a case can be sent to, as the categories name them: each with the kinds of problem it
 * handles (the API lists no departments by name).
 */
export function departmentsOf(all: Categories | undefined): { departmentId: string; handles: string }[] {
  const byDept = new Map<string, string[]>();
  for (const c of all ?? []) byDept.set(c.departmentId, [...(byDept.get(c.departmentId) ?? []), c.name]);
  return [...byDept].map(([departmentId, names]) => ({ departmentId, handles: names.join('、') }));
}
