import type { Visit } from '../../domain/visits/visit';
import { NoReporterError } from '../../errors';
import { openCaseOnBehalf, type OpenCaseOnBehalfDeps } from '../case/open-on-behalf';
import type { Ports } from '../ports';
import { centrePhone } from '../staff-phones';

export type OpenVisitCaseDeps = OpenCaseOnBehalfDeps & Pick<Ports, 'centre'>;

/**
 * A visit hands a problem to the case lifecycle through the case subdomain's service: one case per visit
 * and kind, however often this runs, in the name of whoever can be reached about it (else the centre).
 */
export async function openVisitCase(
  deps: OpenVisitCaseDeps,
  visit: Visit,
  problem: { category: 'welfare-check' | 'elder-care'; description: string; reporterPhone: string | undefined; address: string | undefined },
): Promise<{ caseId: string }> {
  const phone = problem.reporterPhone ?? (await centrePhone(deps));
  if (!phone) throw new NoReporterError(visit.visitId);
  return openCaseOnBehalf(
    deps,
    {
      category: problem.category,
      description: problem.description,
      location: { gridId: visit.gridId, ...(problem.address ? { address: problem.address } : {}) },
      reporterPhone: phone,
      channel: 'visit',
    },
    `visit-${problem.category}-${visit.visitId}`,
  );
}
