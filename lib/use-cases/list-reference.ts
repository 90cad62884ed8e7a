import type { ReferenceData } from '../ports/reference-data';

export async function listCategories(deps: { reference: ReferenceData }) {
  const categories = await deps.reference.categories();
  return categories.map(({ code, name, group, priority, departmentId }) => ({ code, name, group, priority, departmentId }));
}

/** The departments cases go to, by name: for a refusal's suggested department and for showing who handles a case. */
export async function listDepartments(deps: { reference: ReferenceData }) {
  const departments = await deps.reference.departments();
  return departments.map(({ departmentId, name }) => ({ departmentId, name }));
}

export async function listGrids(deps: { reference: ReferenceData }) {
  const grids = await deps.reference.grids();
  return grids.map(({ gridId, name, communityId, communityName, shape }) => ({ gridId, name, communityId, communityName, ...(shape ? { shape } : {}) }));
}
