import { visitIdInput } from '../../lib/contracts/tasks/visit';
import { completeVisit } from '../../lib/use-cases/visits/complete-visit';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(visitIdInput, (input) => completeVisit(container(), input));
