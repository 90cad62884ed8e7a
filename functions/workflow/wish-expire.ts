import { wishIdInput } from '../../lib/contracts/tasks/wish';
import { expireWish } from '../../lib/use-cases/wishes/expire-wish';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(wishIdInput, (input) => expireWish(deps(), input));
