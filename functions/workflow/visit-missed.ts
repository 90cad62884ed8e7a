import { visitIdInput } from '../../lib/contracts/tasks/visit';
import { visitMissed } from '../../lib/use-cases/visits/visit-missed';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(visitIdInput, (input) => visitMissed(container(), input));
