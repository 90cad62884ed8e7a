/** The lifecycles the centre repairs: each entity runs one workflow execution at a time. */
export const REPAIRABLE = ['case', 'wish', 'visit'] as const;
export type RepairableKind = (typeof REPAIRABLE)[number];

/**
 * A workflow that stopped on a failure and waits for the centre. Ids and codes only: the state that
 * failed (`at`, a code of the workflow file), the error's name, never its message.
 */
export interface Attention {
  kind: RepairableKind;
  id: string;
  /** Code of the state that failed; the workflow goes back to it when resumed. */
  at: string;
  error: string;
  since: string;
  /** Token of "Wait for the centre to resume"; never leaves the store except to resume the workflow. */
  taskToken: string;
  /** Counts the times this entity needed attention: keys the duty admin's SMS. */
  seq: number;
  /** A case shows `needs-attention` meanwhile; this is the status it goes back to. */
  previousStatus?: string;
  resolvedAt?: string;
}

/** Which execution an entity runs on now: its id, or `<id>-r<n>` after the n-th restart. */
export interface WorkflowRun {
  kind: RepairableKind;
  id: string;
  execution: string;
  restarts: number;
}

/** An entity the reconciler looks at: kind, id and status, as stored. */
export interface RepairCandidate {
  kind: RepairableKind;
  id: string;
  status: string;
}

export interface RepairStore {
  attention(kind: RepairableKind, id: string): Promise<Attention | undefined>;
  /** Records (or re-arms with a fresh token) the entity's open attention item. */
  holdForAttention(item: Attention): Promise<void>;
  /** Takes the item off the worklist if it still holds `taskToken`; `false` when someone else resolved it. */
  resolveAttention(kind: RepairableKind, id: string, taskToken: string, at: string): Promise<boolean>;
  /** Open attention items, oldest first. */
  openAttention(limit: number): Promise<Attention[]>;
  run(kind: RepairableKind, id: string): Promise<WorkflowRun | undefined>;
  /** Moves the entity onto a new execution name if it still has `expectedRestarts`: of two reconcilers one wins. */
  recordRestart(run: WorkflowRun, expectedRestarts: number): Promise<boolean>;
  /** One page of open cases, wishes and visits, in table order, and where the next page starts. */
  candidates(cursor: string | undefined, pageSize: number): Promise<{ items: RepairCandidate[]; cursor?: string }>;
  /** Where the last reconciler run stopped, so the next one goes on from there. */
  reconcileCursor(): Promise<string | undefined>;
  saveReconcileCursor(cursor: string | undefined): Promise<void>;
}
