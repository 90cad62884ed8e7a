import { awaitVisitInput } from '../../lib/contracts/tasks/visit';
import { awaitVisitStep } from '../../lib/use-cases/visits/await-visit-step';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(awaitVisitInput, (input) => awaitVisitStep(deps(), input));
