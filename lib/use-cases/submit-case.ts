import type { SubmitCaseCommand } from '../contracts/http/cases';
import type { CaseStatus } from '../domain/case';
import { smsText } from '../domain/sms-text';
import { log } from '../log';
import type { OutgoingSms } from '../ports/messaging';
import { takeInCase, type IntakeDeps } from './case/intake';
import type { Ports } from './ports';
import { enforceReportLimits } from './report-limits';

export type SubmitCaseDeps = IntakeDeps & Pick<Ports, 'limiter' | 'optOuts'>;

export interface SubmittedCase {
  caseId: string;
  trackingCode?: string;
  status: CaseStatus;
  priority: string;
  dueAt: string;
}

/**
 * A person's report (public API, hotline, SMS): it counts against the per-phone limits, the reporter gets
 * a receipt with the secret tracking code by SMS, and the report takes the number off the opt-out list.
 * The intake itself (validation, idempotency, storing, starting the lifecycle) is `takeInCase`; a retry
 * of the same request returns the first answer without re-issuing the tracking code.
 */
export async function submitCase(deps: SubmitCaseDeps, command: SubmitCaseCommand, idempotencyKey?: string): Promise<SubmittedCase> {
  const taken = await takeInCase(deps, command, {
    ...(idempotencyKey ? { idempotencyKey } : {}),
    beforeWrite: (category, now) => enforceReportLimits(deps.limiter, category.priority, command.reporter.phone, now),
    receipt: (caseId, trackingCode) => confirmation(caseId, command.reporter.phone, trackingCode),
  });
  if (taken.trackingCode) await optBackIn(deps, command.reporter.phone);
  return taken;
}

/**
 * The reporter gets the reference and tracking code by SMS too: hotline and SMS reporters have no
 * screen. It is queued in the case's own creation transaction, so a stored case always has it queued
 * and a retry that finds the case stored queues nothing. Urgent, so quiet hours and the opt-out list
 * do not hold it; its own daily cap (lib/domain/limits.ts) stops anyone using reports to flood a number.
 */
function confirmation(caseId: string, phone: string, trackingCode: string): OutgoingSms {
  return { key: `${caseId}#received`, to: phone, text: smsText.caseReceived(caseId, trackingCode), urgent: true, audience: 'resident' };
}

/** A new report is a wish to hear about it, so it takes the number off the opt-out list. */
async function optBackIn(deps: Pick<Ports, 'optOuts'>, phone: string): Promise<void> {
  try {
    await deps.optOuts.optIn(phone);
  } catch (err) {
    // The report is stored and answered; staying opted out costs the reporter only non-urgent news.
    log.warn('opt-in after report failed', { error: err });
  }
}
