import { visitIdInput } from '../../lib/contracts/tasks/visit';
import { welfareCheck } from '../../lib/use-cases/visits/welfare-check';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps({ workflows: ['case-lifecycle'] });

export const handler = taskHandler(visitIdInput, (input) => welfareCheck(deps(), input));
