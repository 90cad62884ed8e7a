import { awaitWishInput } from '../../lib/contracts/tasks/wish';
import { awaitWishStep } from '../../lib/use-cases/wishes/await-wish-step';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(awaitWishInput, (input) => awaitWishStep(container(), input));
