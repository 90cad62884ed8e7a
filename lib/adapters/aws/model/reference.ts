import type { TableKey } from './table';

export type ReferenceKind = 'CATEGORY' | 'GRID' | 'DEPARTMENT';

/** Reference data: one partition per kind, an item per id; staff profiles one partition each. */
export const referenceKeys = {
  kind: (kind: ReferenceKind) => `REF#${kind}`,
  item: (kind: ReferenceKind, id: string): TableKey => ({ pk: `REF#${kind}`, sk: id }),
  staff: (staffId: string): TableKey => ({ pk: `STAFF#${staffId}`, sk: 'PROFILE' }),
};
