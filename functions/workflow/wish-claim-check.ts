import { checkClaimInput } from '../../lib/contracts/tasks/wish';
import { checkClaim } from '../../lib/use-cases/wishes/check-claim';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(checkClaimInput, (input) => checkClaim(deps(), input));
