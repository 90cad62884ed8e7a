import * as z from 'zod';
import { CASE_STATUSES, CASE_STEPS, CLOSURE_CODES } from '../domain/case';
import { gridShapeSchema, PRIORITIES } from '../domain/reference';
import { VISIT_STATUSES } from '../domain/visits/visit';
import { WISH_GROUPS, WISH_STATUSES } from '../domain/wishes/wish';
import { METRIC_COUNTERS } from '../ports/case-store';
import { REPAIRABLE } from '../ports/repair-store';

/**
 * What each operation answers on success, keyed by operationId: written from what the use cases return,
 * and kept in step with them twice over. test/unit/http/response-schemas.test.ts fails to compile when a
 * use case's result stops fitting its schema, and every e2e response is validated against the OpenAPI
 * document built from these. Objects are strict: a field the document does not name (a phone, a name)
 * appearing in an answer fails the test that received it.
 */

/** Every time the API hands out is Asia/Shanghai with its offset (`toShanghaiIso`), or UTC from Step Functions. */
const instant = z.iso.datetime({ offset: true });
const id = z.string().min(1);

const category = z.strictObject({ code: id, name: z.string(), group: z.string(), priority: z.enum(PRIORITIES), departmentId: id });
/** `shape`: the grid's outline (one closed ring of [lng, lat]) where the reference data has one. */
const grid = z.strictObject({ gridId: id, name: z.string(), communityId: id, communityName: z.string(), shape: gridShapeSchema.optional() });

const department = z.strictObject({ departmentId: id, name: z.string() });

const caseStatus = z.enum(CASE_STATUSES);
const submittedCase = z.strictObject({
  caseId: id,
  /** Only in the first answer to a report: a retry with the same Idempotency-Key does not repeat it. */
  trackingCode: z.string().min(1).optional(),
  status: caseStatus,
  priority: z.enum(PRIORITIES),
  dueAt: instant,
});

const caseView = z.strictObject({
  caseId: id,
  status: caseStatus,
  category: id,
  priority: z.enum(PRIORITIES),
  createdAt: instant,
  dueAt: instant,
  gridId: id.optional(),
  departmentId: id.optional(),
  reopenCount: z.number().int().min(0),
  closure: z.strictObject({ code: z.enum(CLOSURE_CODES), note: z.string() }).optional(),
  /** Staff only: a resident's view leaves out the text and who (by id) did what. */
  description: z.string().optional(),
  timeline: z.array(
    z.strictObject({
      at: instant,
      status: caseStatus,
      actor: z.enum(['resident', 'grid-worker', 'department', 'admin', 'system']),
      actorId: id.optional(),
      note: z.string(),
    }),
  ),
});

const stepOnWorklist = z.strictObject({ caseId: id, step: z.enum(CASE_STEPS), dueAt: instant, category: id, gridId: id.optional() });
/** The centre's entries for work stopped on a failure, first on its worklist. */
const attentionOnWorklist = z.strictObject({
  kind: z.enum(REPAIRABLE),
  id,
  caseId: id.optional(),
  step: z.literal('needs-attention'),
  failedAt: z.string(),
  error: z.string(),
  since: instant,
  dueAt: instant,
});

const rate = z.number().min(0).max(1).nullable();
const metricRow = z.strictObject({
  key: z.string(),
  ...(Object.fromEntries(METRIC_COUNTERS.map((c) => [c, z.number().int().min(0)])) as Record<(typeof METRIC_COUNTERS)[number], z.ZodNumber>),
  responseRate: rate,
  resolutionRate: rate,
  satisfactionRate: rate,
});

const visit = z.strictObject({
  visitId: id,
  elderId: id,
  volunteerId: id,
  backupVolunteerId: id.optional(),
  windowStart: instant,
  windowEnd: instant,
  status: z.enum(VISIT_STATUSES),
});
const visitAnswer = z.strictObject({ visitId: id, status: z.enum(VISIT_STATUSES) });

const publicWishFields = {
  wishId: id,
  status: z.enum(WISH_STATUSES),
  group: z.enum(WISH_GROUPS),
  category: z.string(),
  title: z.string(),
  gridId: id,
  claimantsNeeded: z.number().int().min(1),
  placesLeft: z.number().int().min(0),
  estimatedCost: z.number().min(0).optional(),
  deadline: instant.optional(),
  publishedAt: instant.optional(),
};
const publicWish = z.strictObject(publicWishFields);
const wishDetail = z.strictObject({
  ...publicWishFields,
  description: z.string(),
  claims: z.array(z.strictObject({ volunteerId: id, status: z.enum(['claimed', 'contacted', 'fulfilled', 'released']) })),
  /** Staff of the grid (or the centre) only. */
  possibleDuplicateOf: id.optional(),
});

const claimStatus = z.enum(['claimed', 'contacted', 'fulfilled', 'released']);
const volunteerClaim = z.strictObject({ wishId: id, title: z.string(), category: z.string(), wishStatus: z.enum(WISH_STATUSES), claimStatus, claimedAt: instant, deadline: instant.optional() });
const volunteerPoints = z.strictObject({
  volunteerId: id,
  total: z.number().int(),
  /** Hours of the credited visits: check-in to check-out, within each visit's window. */
  hours: z.number().min(0),
  entries: z.array(z.strictObject({ reason: z.string(), ref: id, points: z.number().int(), at: instant })),
});
const wishAwaitingStaff = z.strictObject({ ...publicWishFields, submittedAt: instant, awaits: z.enum(['vet', 'confirm']) });

const execution = z.strictObject({
  executionId: id,
  status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']),
  startedAt: instant,
  stoppedAt: instant.optional(),
  /** The workflow's own output (what a roster planned, what the reconciler repaired): ids and counts. */
  output: z.unknown().optional(),
});

export const responseSchemas = {
  listCategories: z.array(category),
  listGrids: z.array(grid),
  listDepartments: z.array(department),
  createCase: submittedCase,
  getCase: caseView,
  actOnCase: z.strictObject({ caseId: id, status: caseStatus }),
  getWorklist: z.array(z.union([stepOnWorklist, attentionOnWorklist])),
  getMetrics: z.array(metricRow),
  registerElder: z.strictObject({ elderId: id }),
  registerVolunteer: z.strictObject({ volunteerId: id }),
  listVisits: z.array(visit),
  checkInVisit: visitAnswer,
  checkOutVisit: visitAnswer,
  submitWish: z.strictObject({ wishId: id, possibleDuplicateOf: id.optional() }),
  listPublishedWishes: z.strictObject({ items: z.array(publicWish), nextCursor: z.string().min(1).optional() }),
  getWish: wishDetail,
  actOnWish: z.strictObject({ wishId: id, status: z.enum(WISH_STATUSES) }),
  listVolunteerClaims: z.array(volunteerClaim),
  getVolunteerPoints: volunteerPoints,
  listGridWishes: z.array(wishAwaitingStaff),
  startWorkflow: z.strictObject({ executionId: id }),
  getWorkflowExecution: execution,
  resumeAttention: z.strictObject({
    kind: z.enum(REPAIRABLE),
    id,
    /** The state the workflow went back to, when its execution was still waiting. */
    resumedAt: z.string().optional(),
    /** The step it was restarted at, when its execution had gone meanwhile. */
    restartedAt: z.string().optional(),
  }),
  /** This document: only its frame is pinned here, the rest is what OpenAPI 3.1 says. */
  getOpenApi: z.looseObject({ openapi: z.string().startsWith('3.1'), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }),
} satisfies Record<string, z.ZodType>;

export type OperationId = keyof typeof responseSchemas;
