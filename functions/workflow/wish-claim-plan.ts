import { claimInput } from '../../lib/contracts/tasks/wish';
import { planClaim } from '../../lib/use-cases/wishes/plan-claim';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(claimInput, (input) => planClaim(deps(), input));
