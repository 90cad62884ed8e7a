import { visitIdInput } from '../../lib/contracts/tasks/visit';
import { planVisit } from '../../lib/use-cases/visits/plan-visit';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(visitIdInput, (input) => planVisit(deps(), input));
