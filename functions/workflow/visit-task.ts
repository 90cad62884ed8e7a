import { runVisitTask, visitTaskInput } from '../../lib/use-cases/visits/visit-tasks';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(visitTaskInput, (input) => runVisitTask(container(), input));
