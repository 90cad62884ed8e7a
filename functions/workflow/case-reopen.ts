import { reopenInput } from '../../lib/contracts/tasks/case';
import { reopenCase } from '../../lib/use-cases/case/reopen';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(reopenInput, (input) => reopenCase(deps(), input));
