import { awaitWishInput } from '../../lib/contracts/tasks/wish';
import { awaitWishStep } from '../../lib/use-cases/wishes/await-wish-step';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(awaitWishInput, (input) => awaitWishStep(deps(), input));
