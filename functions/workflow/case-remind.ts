import { remindInput } from '../../lib/contracts/tasks/case';
import { remindCase } from '../../lib/use-cases/case/remind';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(remindInput, (input) => remindCase(deps(), input));
