import { wishIdInput } from '../../lib/contracts/tasks/wish';
import { rejectWish } from '../../lib/use-cases/wishes/reject-wish';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(wishIdInput, (input) => rejectWish(container(), input));
