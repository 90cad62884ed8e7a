import { wishIdInput } from '../../lib/contracts/tasks/wish';
import { wishTimeLeft } from '../../lib/use-cases/wishes/wish-time-left';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(wishIdInput, (input) => wishTimeLeft(deps(), input));
