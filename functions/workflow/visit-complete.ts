import { visitIdInput } from '../../lib/contracts/tasks/visit';
import { completeVisit } from '../../lib/use-cases/visits/complete-visit';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(visitIdInput, (input) => completeVisit(deps(), input));
