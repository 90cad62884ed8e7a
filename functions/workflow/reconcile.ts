import { reconcileInput } from '../../lib/contracts/tasks/reconcile';
import { reconcile } from '../../lib/use-cases/repair/reconcile';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps({ workflows: ['case-lifecycle', 'companion-visit', 'wish'] });

export const handler = taskHandler(reconcileInput, (input) => reconcile(deps(), input));
