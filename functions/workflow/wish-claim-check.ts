import { checkClaimInput } from '../../lib/contracts/tasks/wish';
import { checkClaim } from '../../lib/use-cases/wishes/check-claim';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(checkClaimInput, (input) => checkClaim(container(), input));
