import { visitIdInput } from '../../lib/contracts/tasks/visit';
import { visitMissed } from '../../lib/use-cases/visits/visit-missed';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(visitIdInput, (input) => visitMissed(deps(), input));
