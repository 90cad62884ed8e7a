import type { CaseActionType } from '../contracts/http/cases';
import type { CaseContact, CaseRecord, CaseStatus, CaseStep, TimelineEntry } from '../domain/case';
import type { OutgoingSms } from './messaging';

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

/** A client's `Idempotency-Key`, bound to a digest of the request it came with, until `expiresAt`. */
export interface IdempotencyBinding {
  key: string;
  fingerprint: string;
  /** Epoch seconds: when the key is bound (by the system clock), and when it is free again (the table's TTL attribute). */
  boundAt: number;
  expiresAt: number;
}

/** The case an idempotency key was first used for, and the request it was used with. */
export interface IdempotencyRecord {
  caseId: string;
  fingerprint: string;
}

export interface NewCase {
  record: CaseRecord;
  contact: CaseContact;
  firstEvent: TimelineEntry;
  idempotency?: IdempotencyBinding;
  metrics: MetricIncrement[];
  /** SMS the creation causes (the reporter's confirmation), queued in the same transaction (lib/ports/messaging.ts). */
  outbox?: OutgoingSms[];
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

/**
 * A decision recorded for the next opening of a step, before the workflow has opened it (it was busy
 * acting on the previous decision); the opening takes it and resumes at once.
 */
export interface PendingDecision {
  caseId: string;
  step: CaseStep;
  /** The `openedSeq` of the opening that takes it. */
  forSeq: number;
  /** For a department's step: the department it was decided by, which the opening must match. */
  departmentId?: string;
  decision: StepDecision;
}

export interface Transition {
  caseId: string;
  expectedVersion: number;
  set: Partial<CaseRecord>;
  /** Attributes of the case to drop. */
  remove?: Array<keyof CaseRecord>;
  event: TimelineEntry;
  metrics?: MetricIncrement[];
  /** The case is no longer open: drop it from duplicate detection. */
  leaveOpenIndex?: boolean;
}

export interface CaseStore {
  /**
   * Writes the case, its contact, first event and idempotency binding at once. `created: false` with the
   * binding that won when the (unexpired) key was taken, without one when the case id itself collided
   * (draw a new one). An expired binding is replaced.
   */
  create(input: NewCase): Promise<{ created: true } | { created: false; existing?: IdempotencyRecord }>;
  /** The unexpired binding of `key` at `nowSeconds`: an expired one counts as absent, whether or not TTL has deleted it. */
  findByIdempotencyKey(key: string, nowSeconds: number): Promise<IdempotencyRecord | undefined>;
  get(caseId: string): Promise<CaseRecord | undefined>;
  contact(caseId: string): Promise<CaseContact | undefined>;
  timeline(caseId: string): Promise<TimelineEntry[]>;
  step(caseId: string, step: CaseStep): Promise<OpenStep | undefined>;
  /** Stores the token and moves the case, conditional on `expectedVersion`; `false` when a writer got there first. */
  recordStepOpened(input: {
    step: OpenStep;
    status: CaseStatus;
    expectedVersion: number;
    event: TimelineEntry;
    /** Case attributes to drop with the opening (`awaiting`, once the awaited step is open). */
    remove?: Array<keyof CaseRecord>;
    /** The opening takes the step's pending decision (now `step.decision`): the pending item goes. */
    takesPending?: boolean;
  }): Promise<boolean>;
  /** Decisions recorded for openings of the step still to come, lowest `forSeq` first. */
  pendingDecisions(caseId: string, step: CaseStep): Promise<PendingDecision[]>;
  /**
   * Records a decision for one coming opening of a step, with the case change it brings: at most one
   * per opening, so of two concurrent ones exactly one wins (`true`).
   */
  recordPendingDecision(input: { pending: PendingDecision; transition: Transition }): Promise<boolean>;
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
  /** Marks an open case as an original (`originalSince`), without an event: triage's own finding. */
  markOriginal(caseId: string, at: string): Promise<void>;
  /** Steps waiting in the given queues (`GRID#G01`, `DEPT#water`, `CENTRE`), soonest due first. */
  worklist(queues: string[]): Promise<OpenStep[]>;
  /** Remembers which case a phone is asked to rate, for SMS replies. */
  awaitRatingFrom(phone: string, caseId: string): Promise<void>;
  caseAwaitingRatingFrom(phone: string): Promise<string | undefined>;
  metrics(by: MetricDimension, fromDay: string, toDay: string): Promise<MetricRow[]>;
}
