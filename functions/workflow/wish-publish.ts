import { wishIdInput } from '../../lib/contracts/tasks/wish';
import { publishWish } from '../../lib/use-cases/wishes/publish-wish';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(wishIdInput, (input) => publishWish(container(), input));
