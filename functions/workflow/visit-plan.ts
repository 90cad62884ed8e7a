import { visitIdInput } from '../../lib/contracts/tasks/visit';
import { planVisit } from '../../lib/use-cases/visits/plan-visit';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(visitIdInput, (input) => planVisit(container(), input));
