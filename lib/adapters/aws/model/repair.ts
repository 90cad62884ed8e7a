import type { RepairableKind } from '../../../ports/repair-store';
import { CASE_PREFIX } from './case';
import { VISIT_PREFIX } from './visit';
import { WISH_PREFIX } from './wish';
import type { Gsi1Key, TableKey } from './table';

/** The partition prefix of each repairable entity: its attention item and workflow run live there. */
export const REPAIRABLE_PREFIX: Record<RepairableKind, string> = { case: CASE_PREFIX, wish: WISH_PREFIX, visit: VISIT_PREFIX };

export const repairKeys = {
  /** An entity's attention item; an open one is also on GSI1 `ATTENTION`, oldest first. */
  attention: (kind: RepairableKind, id: string): TableKey => ({ pk: `${REPAIRABLE_PREFIX[kind]}${id}`, sk: 'ATTENTION' }),
  openAttention: 'ATTENTION',
  inOpenAttention: (item: { kind: RepairableKind; id: string; since: string }): Gsi1Key => ({ gsi1pk: 'ATTENTION', gsi1sk: `${item.since}#${item.kind}#${item.id}` }),
  /** Which execution the entity runs on now. */
  run: (kind: RepairableKind, id: string): TableKey => ({ pk: `${REPAIRABLE_PREFIX[kind]}${id}`, sk: 'WORKFLOW' }),
  /** The sort key of an entity's main record, which the reconciler scans for. */
  meta: 'META',
  reconcileCursor: { pk: 'RECONCILE', sk: 'CURSOR' } as TableKey,
};
