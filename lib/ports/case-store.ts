import type { CaseActionType } from '../domain/case-actions';
import type { CaseContact, CaseRecord, CaseStatus, CaseStep, TimelineEntry } from '../domain/case';

export const METRIC_COUNTERS = ['received', 'responded', 'resolved', 'rated', 'satisfied'] as const;
export type MetricCounter = (typeof METRIC_COUNTERS)[number];
export const METRIC_DIMENSIONS = ['grid', 'department', 'category'] as const;
export type MetricDimension = (typeof METRIC_DIMENSIONS)[number];

/** Counters to add, in the same transaction as the state change that earns them (so never twice). */
export interface MetricIncrement {
  day: string;
  dims: Partial<Record<MetricDimension, string>>;
  counters: Partial<Record<MetricCounter, number>>;
}

export interface MetricRow extends Record<MetricCounter, number> {
  key: string;
}

export interface NewCase {
  record: CaseRecord;
  contact: CaseContact;
  firstEvent: TimelineEntry;
  idempotencyKey?: string;
  metrics: MetricIncrement[];
}

/** What a person decided on a step. Free text stays here; the workflow gets only `output`. */
export interface StepDecision {
  type: CaseActionType;
  fingerprint: string;
  actorId: string;
  note?: string;
  output: Record<string, string | number | boolean | null | Record<string, number>>;
  at: string;
}

/** A human step the workflow waits on; its token never leaves the store except to resume the workflow. */
export interface OpenStep {
  caseId: string;
  step: CaseStep;
  category: string;
  taskToken: string;
  assignee: { gridId?: string; departmentId?: string; centre?: boolean };
  dueAt: string;
  openedAt: string;
  /** Counts fresh openings of this step; a continuation after a reminder keeps it. Keys its SMS. */
  openedSeq: number;
  decision?: StepDecision;
  closedAt?: string;
}

export interface Transition {
  caseId: string;
  expectedVersion: number;
  set: Partial<CaseRecord>;
  event: TimelineEntry;
  metrics?: MetricIncrement[];
  /** The case is no longer open: drop it from duplicate detection. */
  leaveOpenIndex?: boolean;
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
  step(caseId: string, step: CaseStep): Promise<OpenStep | undefined>;
  /** Stores the token and moves the case, conditional on `expectedVersion`; `false` when a writer got there first. */
  recordStepOpened(input: { step: OpenStep; status: CaseStatus; expectedVersion: number; event: TimelineEntry }): Promise<boolean>;
  /**
   * Records one decision on an open step, with the case change it brings: exactly one concurrent
   * decision wins (`true`); the others get `false`.
   */
  decideStep(input: { step: OpenStep; decision: StepDecision; transition: Transition }): Promise<boolean>;
  /** A case change not tied to a person's decision (dispatch, reopen, close), conditional on its version. */
  transition(input: Transition): Promise<boolean>;
  /** Takes every step of the case off the worklists; late answers then find nothing waiting. */
  closeSteps(caseId: string, at: string): Promise<void>;
  addFollower(caseId: string, follower: { caseId: string; phone: string }): Promise<void>;
  followers(caseId: string): Promise<Array<{ caseId: string; phone: string }>>;
  /** Open cases of one grid and category received since `sinceIso`, newest first. */
  openSimilar(gridId: string, category: string, sinceIso: string): Promise<CaseRecord[]>;
  /** Steps waiting in the given queues (`GRID#G01`, `DEPT#water`, `CENTRE`), soonest due first. */
  worklist(queues: string[]): Promise<OpenStep[]>;
  /** Remembers which case a phone is asked to rate, for SMS replies. */
  awaitRatingFrom(phone: string, caseId: string): Promise<void>;
  caseAwaitingRatingFrom(phone: string): Promise<string | undefined>;
  metrics(by: MetricDimension, fromDay: string, toDay: string): Promise<MetricRow[]>;
}
