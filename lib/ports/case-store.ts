import type { CaseContact, CaseRecord, CaseStep, CaseStatus, TimelineEntry } from '../domain/case';

export interface NewCase {
  record: CaseRecord;
  contact: CaseContact;
  firstEvent: TimelineEntry;
  idempotencyKey?: string;
}

/** A human step the workflow waits on; its token never leaves the store except to resume the workflow. */
export interface OpenStep {
  caseId: string;
  step: CaseStep;
  taskToken: string;
  assignee: { gridId?: string; departmentId?: string };
  dueAt: string;
  openedAt: string;
}

export interface CaseStore {
  /**
   * Writes the case, its contact and first event at once. `created: false` with the winner's id when the
   * idempotency key was taken, without an id when the case id itself collided (draw a new one).
   */
  create(input: NewCase): Promise<{ created: true } | { created: false; existingCaseId?: string }>;
  findByIdempotencyKey(key: string): Promise<string | undefined>;
  get(caseId: string): Promise<CaseRecord | undefined>;
  contact(caseId: string): Promise<CaseContact | undefined>;
  timeline(caseId: string): Promise<TimelineEntry[]>;
  openStep(caseId: string, step: CaseStep): Promise<OpenStep | undefined>;
  /**
   * Records that the workflow waits on a step: stores the token, moves the case to `status` and appends
   * the event, all conditional on `expectedVersion`. `false` when another writer got there first.
   */
  recordStepOpened(input: {
    step: OpenStep;
    status: CaseStatus;
    expectedVersion: number;
    event: TimelineEntry;
  }): Promise<boolean>;
}
