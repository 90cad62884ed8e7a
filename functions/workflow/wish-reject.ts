import { wishIdInput } from '../../lib/contracts/tasks/wish';
import { rejectWish } from '../../lib/use-cases/wishes/reject-wish';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(wishIdInput, (input) => rejectWish(deps(), input));
