import { openStepInput } from '../../lib/contracts/tasks/case';
import { openCaseStep } from '../../lib/use-cases/case/open-step';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(openStepInput, (input) => openCaseStep(deps(), input));
