import type { Priority } from './reference';

export const CASE_STATUSES = [
  'submitted',
  'grid-check',
  'dispatched',
  'in-progress',
  'verifying',
  'feedback',
  'closed',
  'reopened',
  /** A workflow step failed for good: the centre repairs the cause and resumes it. */
  'needs-attention',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CLOSURE_CODES = [
  'fixed',
  'resolved-on-site',
  'not-fixable',
  'not-responsible',
  'duplicate',
  'withdrawn',
  'invalid',
] as const;
export type ClosureCode = (typeof CLOSURE_CODES)[number];

export const CHANNELS = ['web', 'app', 'hotline', 'sms', 'wechat', 'visit'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The human steps a case can wait on, each owned by one kind of actor. */
export const CASE_STEPS = ['grid-check', 'accept', 'resolve', 'verify', 'feedback', 'centre-review'] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

/**
 * The human step the workflow is on its way to open (it has a decision to act on first), with the
 * department it will be assigned to: an action for that step is accepted before the step opens.
 */
export interface CaseAwaiting {
  step: CaseStep;
  /** The department the case is (or is being) dispatched to. */
  departmentId?: string;
  /** The fingerprint of the decision that set it: a repeat of that decision is recognised. */
  after?: string;
}

export type ActorKind = 'resident' | 'grid-worker' | 'department' | 'admin' | 'system';

export interface TimelineEntry {
  at: string;
  status: CaseStatus;
  actor: ActorKind;
  actorId?: string;
  note: string;
}

/** The case as stored, without personal data (that lives in its own item). */
export interface CaseRecord {
  caseId: string;
  trackingCodeHash: string;
  status: CaseStatus;
  category: string;
  priority: Priority;
  description: string;
  gridId?: string;
  departmentId?: string;
  location: { lat?: number; lng?: number; hasAddress: boolean };
  channel: Channel;
  anonymous: boolean;
  createdAt: string;
  dueAt: string;
  reopenCount: number;
  /** Set when triage found no case this report repeats: from then on it is an original others may follow. */
  originalSince?: string;
  /** Times the case has been dispatched, counting refusals and reopenings. */
  dispatchCount?: number;
  /** Set once staff first respond (grid check or acceptance): the response-rate numerator. */
  respondedAt?: string;
  /** Departments that have accepted the case: each counts it as responded once. */
  acceptedBy?: string[];
  rating?: Rating;
  closure?: { code: ClosureCode; note: string };
  /** Set by a decision, cleared when the workflow opens that next step. */
  awaiting?: CaseAwaiting;
  version: number;
}

export const RATINGS = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/** Personal data of a case: read only to send the reporter a message. */
export interface CaseContact {
  caseId: string;
  phone: string;
  name?: string;
  address?: string;
}

export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * 3600_000);
}

/** Case times are Asia/Shanghai times (metrics count each case in the day it was received): from the calendar. */
export { shanghaiDay, toShanghaiIso } from './calendar';
