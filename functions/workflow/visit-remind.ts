import { remindVisitInput } from '../../lib/contracts/tasks/visit';
import { remindVisit } from '../../lib/use-cases/visits/remind-visit';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(remindVisitInput, (input) => remindVisit(container(), input));
