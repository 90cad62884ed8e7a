import { dispatchInput } from '../../lib/contracts/tasks/case';
import { dispatchCase } from '../../lib/use-cases/case/dispatch';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(dispatchInput, (input) => dispatchCase(deps(), input));
