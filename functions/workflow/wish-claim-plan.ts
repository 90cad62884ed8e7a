import { claimInput } from '../../lib/contracts/tasks/wish';
import { planClaim } from '../../lib/use-cases/wishes/plan-claim';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(claimInput, (input) => planClaim(container(), input));
