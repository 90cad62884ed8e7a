import type { z } from 'zod';
import { openApiDocument } from '../../../lib/http/openapi';
import { responseSchemas } from '../../../lib/http/response-schemas';
import { API_ROUTES } from '../../../lib/http/routes';
import type { describeWorkflow, startWorkflow } from '../../../lib/use-cases/admin-workflows';
import type { actOnCase } from '../../../lib/use-cases/case/act';
import type { caseMetrics } from '../../../lib/use-cases/case/metrics';
import type { worklist } from '../../../lib/use-cases/case/worklist';
import type { getCase } from '../../../lib/use-cases/get-case';
import type { listCategories, listDepartments, listGrids } from '../../../lib/use-cases/list-reference';
import type { resumeFromAttention } from '../../../lib/use-cases/repair/attention';
import type { submitCase } from '../../../lib/use-cases/submit-case';
import type { registerElder, registerVolunteer } from '../../../lib/use-cases/visits/register';
import type { checkIn, checkOut, listVisits } from '../../../lib/use-cases/visits/visit-actions';
import type { actOnWish } from '../../../lib/use-cases/wishes/act';
import type { getWish, listPublishedWishes } from '../../../lib/use-cases/wishes/list';
import type { submitWish } from '../../../lib/use-cases/wishes/submit';
import type { volunteerClaims, volunteerPoints, wishesAwaitingStaff } from '../../../lib/use-cases/volunteers/own-records';

/**
 * The shape of a value with every string, number and boolean literal widened: some use cases type a
 * status as `string` where the schema names the statuses. Values are the e2e tests' to check (every
 * answer they receive is validated against the document); fields, nesting and optionality are this
 * file's.
 */
type Shape<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer E)[]
        ? Shape<E>[]
        : T extends object
          ? { [K in keyof T]: Shape<T[K]> }
          : T;

/** `true` only when the use case's answer and the schema have the same shape, both ways. */
type SameShape<A, B> = [Shape<A>] extends [Shape<B>] ? ([Shape<B>] extends [Shape<A>] ? true : false) : false;
type Answer<F extends (...args: any[]) => unknown> = Awaited<ReturnType<F>>;
type Documented<K extends keyof typeof responseSchemas> = z.output<(typeof responseSchemas)[K]>;

/**
 * Compiled by `tsc --noEmit` (the first step of `npm test`): a use case whose answer gains, loses or
 * retypes a field without its schema (or the reverse) fails to compile here, naming the operation.
 */
const useCasesAnswerWhatIsDocumented: {
  listCategories: SameShape<Answer<typeof listCategories>, Documented<'listCategories'>>;
  listGrids: SameShape<Answer<typeof listGrids>, Documented<'listGrids'>>;
  listDepartments: SameShape<Answer<typeof listDepartments>, Documented<'listDepartments'>>;
  createCase: SameShape<Answer<typeof submitCase>, Documented<'createCase'>>;
  getCase: SameShape<Answer<typeof getCase>, Documented<'getCase'>>;
  actOnCase: SameShape<Answer<typeof actOnCase>, Documented<'actOnCase'>>;
  getWorklist: SameShape<Answer<typeof worklist>, Documented<'getWorklist'>>;
  getMetrics: SameShape<Answer<typeof caseMetrics>, Documented<'getMetrics'>>;
  registerElder: SameShape<Answer<typeof registerElder>, Documented<'registerElder'>>;
  registerVolunteer: SameShape<Answer<typeof registerVolunteer>, Documented<'registerVolunteer'>>;
  listVisits: SameShape<Answer<typeof listVisits>, Documented<'listVisits'>>;
  checkInVisit: SameShape<Answer<typeof checkIn>, Documented<'checkInVisit'>>;
  checkOutVisit: SameShape<Answer<typeof checkOut>, Documented<'checkOutVisit'>>;
  submitWish: SameShape<Answer<typeof submitWish>, Documented<'submitWish'>>;
  listPublishedWishes: SameShape<Answer<typeof listPublishedWishes>, Documented<'listPublishedWishes'>>;
  getWish: SameShape<Answer<typeof getWish>, Documented<'getWish'>>;
  actOnWish: SameShape<Answer<typeof actOnWish>, Documented<'actOnWish'>>;
  startWorkflow: SameShape<Answer<typeof startWorkflow>, Documented<'startWorkflow'>>;
  getWorkflowExecution: SameShape<Answer<typeof describeWorkflow>, Documented<'getWorkflowExecution'>>;
  resumeAttention: SameShape<Answer<typeof resumeFromAttention>, Documented<'resumeAttention'>>;
  listVolunteerClaims: SameShape<Answer<typeof volunteerClaims>, Documented<'listVolunteerClaims'>>;
  getVolunteerPoints: SameShape<Answer<typeof volunteerPoints>, Documented<'getVolunteerPoints'>>;
  listGridWishes: SameShape<Answer<typeof wishesAwaitingStaff>, Documented<'listGridWishes'>>;
} = {
  listCategories: true,
  listGrids: true,
  listDepartments: true,
  createCase: true,
  getCase: true,
  actOnCase: true,
  getWorklist: true,
  getMetrics: true,
  registerElder: true,
  registerVolunteer: true,
  listVisits: true,
  checkInVisit: true,
  checkOutVisit: true,
  submitWish: true,
  listPublishedWishes: true,
  getWish: true,
  actOnWish: true,
  startWorkflow: true,
  getWorkflowExecution: true,
  resumeAttention: true,
  listVolunteerClaims: true,
  getVolunteerPoints: true,
  listGridWishes: true,
};

describe('success-response schemas', () => {
  it('exist for exactly the operations of the route table, and each is in the document', () => {
    expect(Object.keys(responseSchemas).sort()).toEqual(API_ROUTES.map((r) => r.operationId).sort());
    // Every operation but the document itself is checked against its use case above.
    expect(Object.keys(useCasesAnswerWhatIsDocumented).sort()).toEqual(API_ROUTES.map((r) => r.operationId).filter((id) => id !== 'getOpenApi').sort());
  });

  it('document the document: /v1/openapi.json answers what its own schema allows', () => {
    expect(responseSchemas.getOpenApi.safeParse(openApiDocument()).success).toBe(true);
  });

  it('refuse fields they do not name, so a phone or a name leaking into an answer fails the test that received it', () => {
    const view = { caseId: '261123-ABCDE', status: 'submitted', priority: 'general', dueAt: '2026-11-30T09:00:00+08:00' };
    expect(responseSchemas.createCase.safeParse(view).success).toBe(true);
    expect(responseSchemas.createCase.safeParse({ ...view, reporterPhone: '13912345678' }).success).toBe(false);
    const visit = { visitId: 'X1', elderId: 'E1', volunteerId: 'V1', windowStart: '2026-11-28T09:00:00+08:00', windowEnd: '2026-11-28T11:00:00+08:00', status: 'scheduled' };
    expect(responseSchemas.listVisits.safeParse([visit]).success).toBe(true);
    expect(responseSchemas.listVisits.safeParse([{ ...visit, elderName: '李奶奶' }]).success).toBe(false);
  });
});
