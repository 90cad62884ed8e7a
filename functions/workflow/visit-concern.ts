import { visitIdInput } from '../../lib/contracts/tasks/visit';
import { visitConcern } from '../../lib/use-cases/visits/visit-concern';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(visitIdInput, (input) => visitConcern(container(), input));
