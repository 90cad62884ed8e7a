import { triageInput } from '../../lib/contracts/tasks/case';
import { triageCase } from '../../lib/use-cases/case/triage';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(triageInput, (input) => triageCase(deps(), input));
