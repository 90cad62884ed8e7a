import { takeInCase, type CaseReport, type IntakeDeps } from './intake';

export type OpenCaseOnBehalfDeps = IntakeDeps;

/** A case the system opens in someone's name: a category, what it is about, where, and who can be reached about it. */
export type CaseOnBehalf = Pick<CaseReport, 'category' | 'description' | 'location'> & { reporterPhone: string; channel: CaseReport['channel'] };

/**
 * The case subdomain's service for cases opened by the system on someone's behalf (a visit's welfare
 * check or concern): the same intake as a resident's report, but nobody asked for it, so the person named
 * gets no receipt and no tracking code, it counts against no one's report limits, and it leaves the opt-out
 * list alone. One case per `key`, however often it is called (the intake's idempotency key).
 */
export async function openCaseOnBehalf(deps: OpenCaseOnBehalfDeps, report: CaseOnBehalf, key: string): Promise<{ caseId: string }> {
  const { reporterPhone, ...rest } = report;
  const opened = await takeInCase(deps, { ...rest, reporter: { phone: reporterPhone }, anonymous: false }, { idempotencyKey: key });
  return { caseId: opened.caseId };
}
