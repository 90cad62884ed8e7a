import { holdInput } from '../../lib/contracts/tasks/attention';
import { holdForCentre } from '../../lib/use-cases/repair/attention';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(holdInput, (input) => holdForCentre(deps(), input));
