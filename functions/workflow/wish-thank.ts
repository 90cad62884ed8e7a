import { wishIdInput } from '../../lib/contracts/tasks/wish';
import { thankClaimants } from '../../lib/use-cases/wishes/thank-claimants';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(wishIdInput, (input) => thankClaimants(container(), input));
