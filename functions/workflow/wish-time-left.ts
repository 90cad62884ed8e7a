import { wishIdInput } from '../../lib/contracts/tasks/wish';
import { wishTimeLeft } from '../../lib/use-cases/wishes/wish-time-left';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(wishIdInput, (input) => wishTimeLeft(container(), input));
