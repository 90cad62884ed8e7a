import { visitIdInput } from '../../lib/contracts/tasks/visit';
import { welfareCheck } from '../../lib/use-cases/visits/welfare-check';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(visitIdInput, (input) => welfareCheck(container(), input));
