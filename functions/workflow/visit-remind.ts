import { remindVisitInput } from '../../lib/contracts/tasks/visit';
import { remindVisit } from '../../lib/use-cases/visits/remind-visit';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(remindVisitInput, (input) => remindVisit(deps(), input));
