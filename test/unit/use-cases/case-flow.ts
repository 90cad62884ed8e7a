import type { StaffActor } from '../../../lib/domain/actor';
import type { CaseStep } from '../../../lib/domain/case';
import { openCaseStep } from '../../../lib/use-cases/case/open-step';
import { submitCaseCommand } from '../../../lib/contracts/http/cases';
import { submitCase } from '../../../lib/use-cases/submit-case';
import type { FakePorts } from '../../support/fakes/ports';

export const REPORTER = '+8613912345678';

export const gridWorker = (grid = 'G01', sub = `gw-${grid}`): StaffActor => ({ kind: 'staff', sub, role: 'grid-worker', grids: [grid] });
export const department = (departmentId = 'urban', sub = `dept-${departmentId}`): StaffActor => ({ kind: 'staff', sub, role: 'department', grids: [], departmentId });
export const admin = (): StaffActor => ({ kind: 'staff', sub: 'admin-centre', role: 'admin', grids: [] });

/** A resident's report of a damaged road in grid G01 (department `urban`), through the public intake. */
export async function reportedCase(ports: FakePorts, over: Record<string, unknown> = {}) {
  const answer = await submitCase(
    ports,
    submitCaseCommand.parse({ category: 'road-damage', description: '金水苑门口路面塌陷', location: { gridId: 'G01', address: '金水苑3号楼' }, reporter: { phone: REPORTER, name: '张三' }, ...over }),
  );
  return { caseId: answer.caseId, trackingCode: answer.trackingCode! };
}

/** The workflow waits on a person: the step opens with this token for a day. */
export async function openStep(ports: FakePorts, caseId: string, step: CaseStep, taskToken = `${caseId}-${step}-token`) {
  await openCaseStep(ports, { caseId, step, taskToken, seconds: 86_400, continues: false });
  return taskToken;
}
