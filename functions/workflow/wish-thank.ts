import { wishIdInput } from '../../lib/contracts/tasks/wish';
import { thankClaimants } from '../../lib/use-cases/wishes/thank-claimants';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(wishIdInput, (input) => thankClaimants(deps(), input));
