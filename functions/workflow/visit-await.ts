import { awaitVisitInput } from '../../lib/contracts/tasks/visit';
import { awaitVisitStep } from '../../lib/use-cases/visits/await-visit-step';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(awaitVisitInput, (input) => awaitVisitStep(container(), input));
