import { closeInput } from '../../lib/contracts/tasks/case';
import { closeCase } from '../../lib/use-cases/case/close';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(closeInput, (input) => closeCase(deps(), input));
