import { wishIdInput } from '../../lib/contracts/tasks/wish';
import { publishWish } from '../../lib/use-cases/wishes/publish-wish';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(wishIdInput, (input) => publishWish(deps(), input));
