import { wishIdInput } from '../../lib/contracts/tasks/wish';
import { expireWish } from '../../lib/use-cases/wishes/expire-wish';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(wishIdInput, (input) => expireWish(container(), input));
