import { runWishTask, wishTaskInput } from '../../lib/use-cases/wishes/tasks';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(wishTaskInput, (input) => runWishTask(container(), input));
