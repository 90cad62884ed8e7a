import { visitIdInput } from '../../lib/contracts/tasks/visit';
import { visitConcern } from '../../lib/use-cases/visits/visit-concern';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps({ workflows: ['case-lifecycle'] });

export const handler = taskHandler(visitIdInput, (input) => visitConcern(deps(), input));
