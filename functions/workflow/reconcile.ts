import { reconcileInput } from '../../lib/contracts/tasks/reconcile';
import { reconcile } from '../../lib/use-cases/repair/reconcile';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(reconcileInput, (input) => reconcile(container(), input));
